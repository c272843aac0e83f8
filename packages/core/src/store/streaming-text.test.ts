import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Fixture, MODEL, startFixture, until } from '../conversation/test-fixture.js';
import { NetworkError } from '../errors.js';
import { createManualSchedule, microtaskSchedule } from './schedule.js';
import { segmentText } from './segment-text.js';
import { StreamingText } from './streaming-text.js';

let fx: Fixture;
beforeAll(async () => {
  fx = await startFixture({ pacing: { chunkSize: 8, delayMs: 2 } });
});
afterAll(() => fx.close());

/** An async iterable fed by hand, so a test decides what has arrived. */
function channel<T>() {
  const queue: T[] = [];
  let wake: (() => void) | undefined;
  let ended = false;
  let failure: unknown;
  return {
    push(...items: T[]) {
      queue.push(...items);
      wake?.();
    },
    end(error?: unknown) {
      ended = true;
      failure = error;
      wake?.();
    },
    async *[Symbol.asyncIterator]() {
      for (;;) {
        while (queue.length > 0) yield queue.shift() as T;
        if (failure) throw failure;
        if (ended) return;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('StreamingText', () => {
  it('turns an InteractionStream into answer text and thought summaries, apart', async () => {
    const stream = await fx.client.interactions.create({
      model: MODEL,
      input: 'Why is the sky blue?',
      stream: true,
      generation_config: { thinking_summaries: 'auto' },
    });
    const streaming = new StreamingText({ schedule: microtaskSchedule });
    streaming.setSource(stream);
    expect(streaming.getSnapshot()).toMatchObject({ isStreaming: true, done: false });
    const done = await until(streaming, (s) => s.done);
    const final = await stream.finalInteraction();
    const answer = final.steps?.find((s) => s.type === 'model_output') as { content: { text: string }[] };
    expect(done.text).toBe(answer.content[0]?.text);
    expect(done.thoughts).toContain('Reading the request');
    expect(done.text).not.toContain('Reading the request');
    expect(done.isStreaming).toBe(false);
  });

  it('smooths bursts by word on the frame clock, holding a half-arrived word back', async () => {
    const frames = createManualSchedule();
    let now = 0;
    const streaming = new StreamingText({ schedule: frames.schedule, now: () => now, smooth: { pace: 10 } });
    const source = channel<string>();
    streaming.setSource(source);
    source.push('Hello there, my wor');
    await settle();
    now += 100; // one word per 100 ms
    frames.runFrame();
    expect(streaming.getSnapshot().text).toBe('Hello ');
    now += 1000;
    frames.runFrame();
    expect(streaming.getSnapshot().text).toBe('Hello there, my ');
    source.push('ld');
    source.end();
    await settle();
    now += 1000;
    frames.runFrame();
    expect(streaming.getSnapshot()).toMatchObject({
      text: 'Hello there, my world',
      done: true,
      isStreaming: false,
    });
  });

  it('never shows half an emoji whose parts arrive in different chunks', async () => {
    const frames = createManualSchedule();
    let now = 0;
    const streaming = new StreamingText({
      schedule: frames.schedule,
      now: () => now,
      smooth: { granularity: 'grapheme' },
    });
    const source = channel<string>();
    streaming.setSource(source);
    const seen: string[] = [];
    streaming.subscribe(() => seen.push(streaming.getSnapshot().text));
    for (const chunk of ['ok ', '👨', '\u200D👩', '\u200D👧', ' 🇯', '🇵', '!']) {
      source.push(chunk);
      await settle();
      now += 50;
      frames.runFrame();
    }
    source.end();
    await settle();
    for (let i = 0; i < 5; i++) {
      now += 50;
      frames.runFrame();
    }
    const final = 'ok 👨‍👩‍👧 🇯🇵!';
    expect(streaming.getSnapshot().text).toBe(final);
    const whole: string[] = [''];
    for (const grapheme of segmentText(final, 'grapheme')) whole.push(whole.at(-1) + grapheme);
    expect(seen.length).toBeGreaterThan(2);
    for (const text of seen) expect(whole).toContain(text);
  });

  it('tells subscribers once per frame however many chunks arrived', async () => {
    const frames = createManualSchedule();
    const streaming = new StreamingText({ schedule: frames.schedule });
    const listener = vi.fn();
    streaming.subscribe(listener);
    const source = channel<string>();
    streaming.setSource(source);
    source.push(...Array.from({ length: 2000 }, (_, i) => `${i} `));
    source.end();
    await vi.waitFor(() => expect(streaming.getSnapshot().done).toBe(true));
    expect(listener).not.toHaveBeenCalled();
    expect(frames.runFrame()).toBe(1);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(streaming.getSnapshot().text.split(' ')).toHaveLength(2001);
  });

  it('shows a live Interaction that is already complete at once, even when smoothing', () => {
    const streaming = new StreamingText({ smooth: true, schedule: createManualSchedule().schedule });
    streaming.setSource({
      status: 'completed',
      steps: [
        { type: 'thought', summary: [{ type: 'text', text: 'Thinking…' }] },
        { type: 'model_output', content: [{ type: 'text', text: 'The whole answer.' }] },
      ],
    });
    expect(streaming.getSnapshot()).toMatchObject({
      text: 'The whole answer.',
      thoughts: 'Thinking…',
      done: true,
      isStreaming: false,
    });
    streaming.setSource({ status: 'in_progress', steps: [] });
    expect(streaming.getSnapshot()).toMatchObject({ text: '', isStreaming: true, done: false });
    streaming.setSource(null);
    expect(streaming.getSnapshot()).toMatchObject({ text: '', isStreaming: false, done: true });
  });

  it('reports a failing source as an error value, and dispose() stops reading (aborting a request)', async () => {
    const failing = new StreamingText({ schedule: microtaskSchedule });
    const source = channel<string>();
    failing.setSource(source);
    source.push('partial');
    source.end(new NetworkError('gone', false));
    const failed = await until(failing, (s) => s.error !== undefined);
    expect(failed).toMatchObject({ text: 'partial', isStreaming: false, error: expect.any(NetworkError) });

    const before = fx.emulator.stats.streamsAbortedByClient;
    const stream = await fx.client.interactions.create({
      model: MODEL,
      input: 'Long. [emulator: words=500]',
      stream: true,
    });
    const streaming = new StreamingText({ schedule: microtaskSchedule });
    streaming.setSource(stream);
    await until(streaming, (s) => s.text.length > 0);
    streaming.dispose();
    await vi.waitFor(() => expect(fx.emulator.stats.streamsAbortedByClient).toBe(before + 1));
  });
});

describe('StreamingText.attach', () => {
  it('survives an immediate detach → attach (StrictMode) and disposes a task after the last detach', async () => {
    const streaming = new StreamingText({ schedule: microtaskSchedule });
    const source = channel<string>();
    streaming.setSource(source);
    streaming.attach()();
    const detach = streaming.attach();
    await settle();
    source.push('still read');
    await until(streaming, (s) => s.text === 'still read');
    detach();
    await settle();
    source.push(' — not any more');
    await settle();
    expect(streaming.getSnapshot().text).toBe('still read');
  });
});
