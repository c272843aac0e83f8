import type { Interaction, InteractionEvent } from '@gemkit/core';
import { describe, expect, it } from 'vitest';
import { createEmulator } from './emulator.js';
import {
  answerText,
  BASE,
  create,
  expectApiError,
  FAST,
  get,
  MODEL,
  parseSse,
  post,
  readEvents,
  streamedText,
} from './test-helpers.js';

const startStream = (
  emulator: ReturnType<typeof createEmulator>,
  body: Record<string, unknown>,
  headers = {},
) => post(emulator, '/v1beta/interactions', { model: MODEL, stream: true, ...body }, headers);

const types = (events: InteractionEvent[]) => events.map((e) => e.event_type);

/** Reads SSE messages one by one from a live response. */
function eventReader(response: Response) {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(): Promise<InteractionEvent | undefined> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end + 2);
          buffer = buffer.slice(end + 2);
          return parseSse(block)[0]?.data;
        }
        const { done, value } = await reader.read();
        if (done) return undefined;
        buffer += decoder.decode(value, { stream: true });
      }
    },
    cancel: () => reader.cancel(),
  };
}

async function untilDone(
  emulator: ReturnType<typeof createEmulator>,
  id: string,
): Promise<InteractionEvent[]> {
  return readEvents(await get(emulator, `/v1beta/interactions/${id}?stream=true`));
}

describe('streamed create', () => {
  const emulator = createEmulator({ pacing: FAST });

  it('sends the documented event sequence, each event once, as `event:` + one-line JSON `data:`', async () => {
    const response = await startStream(emulator, {
      input: 'Tell me something',
      generation_config: { thinking_summaries: 'auto' },
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const messages = parseSse(await response.text());
    for (const m of messages) expect(m.event).toBe(m.data.event_type);
    const events = messages.map((m) => m.data);
    const sequence = types(events).filter((t, i, all) => t !== 'step.delta' || all[i - 1] !== 'step.delta');
    expect(sequence).toEqual([
      'interaction.created',
      'interaction.status_update',
      'step.start',
      'step.delta',
      'step.stop',
      'step.start',
      'step.delta',
      'step.stop',
      'interaction.completed',
    ]);
    expect(new Set(events.map((e) => e.event_id)).size).toBe(events.length);
    expect(events[2]).toMatchObject({ index: 0, step: { type: 'thought' } });
    const modelStart = events.find(
      (e) => e.event_type === 'step.start' && (e as { index: number }).index === 1,
    );
    expect(modelStart).toMatchObject({ step: { type: 'model_output' } });
    const completed = events[events.length - 1] as { interaction: Interaction };
    expect(completed.interaction.status).toBe('completed');
    expect(completed.interaction.steps).toBeUndefined();
    expect(completed.interaction.usage?.total_tokens).toBeGreaterThan(0);
  });

  it('stores exactly what the events carry: reassembled text, summary, signature, usage, times', async () => {
    const events = await readEvents(
      await startStream(emulator, { input: 'hello', generation_config: { thinking_summaries: 'auto' } }),
    );
    const created = events[0] as { interaction: Interaction };
    const completed = events[events.length - 1] as { interaction: Interaction };
    const stored = (await (
      await get(emulator, `/v1beta/interactions/${created.interaction.id}`)
    ).json()) as Interaction;
    expect(answerText(stored)).toBe(streamedText(events));
    const thought = stored.steps?.[0] as { summary: { text: string }[]; signature: string };
    expect(thought.summary).toEqual([{ type: 'text', text: streamedText(events, 'thought_summary') }]);
    const signatureDelta = events.find(
      (e) => (e as { delta?: { type: string } }).delta?.type === 'thought_signature',
    );
    expect(thought.signature).toBe((signatureDelta as { delta: { signature: string } }).delta.signature);
    expect({
      id: stored.id,
      status: stored.status,
      model: stored.model,
      object: stored.object,
      created: stored.created,
      updated: stored.updated,
      usage: stored.usage,
    }).toEqual({ ...completed.interaction, object: 'interaction' });
  });

  it('streams with ?alt=sse as well', async () => {
    const response = await post(emulator, '/v1beta/interactions?alt=sse', { model: MODEL, input: 'hi' });
    expect(types(await readEvents(response))).toContain('interaction.completed');
  });
});

describe('pacing', () => {
  const emulator = createEmulator({ pacing: FAST });
  const prompt = { input: 'Pace me [emulator: words=120]' };

  it('splits text into deltas of at most the chunk size (x-emulator-pacing header)', async () => {
    const fine = await readEvents(
      await startStream(emulator, prompt, { 'x-emulator-pacing': 'chunk=8;delay=0' }),
    );
    const coarse = await readEvents(
      await startStream(emulator, prompt, { 'x-emulator-pacing': 'chunk=200' }),
    );
    const deltas = (events: InteractionEvent[]) =>
      events
        .map((e) => (e as { delta?: { type: string; text: string } }).delta)
        .filter((d) => d?.type === 'text') as { text: string }[];
    expect(streamedText(fine)).toBe(streamedText(coarse));
    for (const d of deltas(fine)) expect(Array.from(d.text).length).toBeLessThanOrEqual(8);
    expect(deltas(fine).length).toBeGreaterThanOrEqual(Math.ceil(streamedText(fine).length / 8));
    expect(deltas(coarse).length).toBeLessThan(deltas(fine).length / 5);
  });

  it('takes chunk size from the emulator options', async () => {
    const custom = createEmulator({ pacing: { chunkSize: 5, delayMs: 0 } });
    const events = await readEvents(await startStream(custom, prompt));
    const texts = events.filter((e) => (e as { delta?: { type: string } }).delta?.type === 'text');
    for (const e of texts)
      expect(Array.from((e as { delta: { text: string } }).delta.text).length).toBeLessThanOrEqual(5);
  });

  it('paces a stream so that the interaction is observably in progress while it streams', async () => {
    const slow = createEmulator({ pacing: { chunkSize: 4, delayMs: 5 } });
    const response = await startStream(slow, { input: 'A long one [emulator: words=3000]' });
    const reader = eventReader(response);
    const created = (await reader.next()) as { interaction: Interaction };
    await reader.next();
    const midway = (await (
      await get(slow, `/v1beta/interactions/${created.interaction.id}`)
    ).json()) as Interaction;
    expect(midway.status).toBe('in_progress');
    await post(slow, `/v1beta/interactions/${created.interaction.id}/cancel`, {});
    await reader.cancel();
  });

  it('refuses a malformed pacing header', async () => {
    await expectApiError(
      await startStream(emulator, prompt, { 'x-emulator-pacing': 'chunk=0' }),
      400,
      'INVALID_ARGUMENT',
      /chunk/,
    );
    await expectApiError(
      await startStream(emulator, prompt, { 'x-emulator-pacing': 'speed=9' }),
      400,
      'INVALID_ARGUMENT',
      /speed/,
    );
  });
});

describe('resume with last_event_id', () => {
  it('replays the events after the given one, then continues live: no gap, no duplicate', async () => {
    const emulator = createEmulator({ pacing: { chunkSize: 8, delayMs: 1 } });
    const reader = eventReader(await startStream(emulator, { input: 'Resume me [emulator: words=200]' }));
    const seen: InteractionEvent[] = [];
    for (let i = 0; i < 6; i++) seen.push((await reader.next()) as InteractionEvent);
    await reader.cancel();
    const id = (seen[0] as { interaction: Interaction }).interaction.id;
    const rest = await readEvents(
      await get(emulator, `/v1beta/interactions/${id}?stream=true&last_event_id=${seen[5]?.event_id}`),
    );
    const all = await untilDone(emulator, id);
    expect([...seen, ...rest]).toEqual(all);
    expect(rest[rest.length - 1]?.event_type).toBe('interaction.completed');
    expect(emulator.stats.streamsAbortedByClient).toBe(1);
  });

  it('replays everything without last_event_id, and nothing after the last event', async () => {
    const emulator = createEmulator({ pacing: FAST });
    const done = await create(emulator, { input: 'hi' });
    const all = await untilDone(emulator, done.id);
    expect(all[0]?.event_type).toBe('interaction.created');
    const last = all[all.length - 1]?.event_id;
    expect(
      await readEvents(
        await get(emulator, `/v1beta/interactions/${done.id}?stream=true&last_event_id=${last}`),
      ),
    ).toEqual([]);
  });
});

describe('cancel and delete', () => {
  it('cancels a running interaction: the open stream ends with step.stop and a cancelled completion', async () => {
    const emulator = createEmulator({ pacing: { chunkSize: 4, delayMs: 5 } });
    const reader = eventReader(await startStream(emulator, { input: 'Long [emulator: words=3000]' }));
    const first = (await reader.next()) as { interaction: Interaction };
    const id = first.interaction.id;
    let event = await reader.next();
    while (event && !(event.event_type === 'step.delta' && (event as { index: number }).index === 1))
      event = await reader.next();
    const cancelled = await post(emulator, `/v1beta/interactions/${id}/cancel`, {});
    expect(cancelled.status).toBe(200);
    expect(((await cancelled.json()) as Interaction).status).toBe('cancelled');
    const tail: InteractionEvent[] = [];
    for (let e = await reader.next(); e; e = await reader.next()) tail.push(e);
    expect(types(tail).slice(-2)).toEqual(['step.stop', 'interaction.completed']);
    expect((tail[tail.length - 1] as { interaction: Interaction }).interaction.status).toBe('cancelled');
    const stored = (await (await get(emulator, `/v1beta/interactions/${id}`)).json()) as Interaction;
    expect(stored.status).toBe('cancelled');
    expect(answerText(stored).length).toBeGreaterThan(0);
    expect(stored.usage?.total_output_tokens).toBeGreaterThan(0);
    expect(emulator.stats.cancels).toBe(1);
    const again = await post(emulator, `/v1beta/interactions/${id}/cancel`, {});
    await expectApiError(again, 400, 'FAILED_PRECONDITION', /not running \(status: cancelled\)/);
  });

  it('deletes an interaction; a running one is stopped first', async () => {
    const emulator = createEmulator({ pacing: { chunkSize: 4, delayMs: 5 } });
    const reader = eventReader(await startStream(emulator, { input: 'Long [emulator: words=3000]' }));
    const id = ((await reader.next()) as { interaction: Interaction }).interaction.id;
    const deleted = await emulator.fetch(
      new Request(`${BASE}/v1beta/interactions/${id}`, { method: 'DELETE' }),
    );
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toEqual({});
    const tail: InteractionEvent[] = [];
    for (let e = await reader.next(); e; e = await reader.next()) tail.push(e);
    expect((tail[tail.length - 1] as { interaction: Interaction }).interaction.status).toBe('cancelled');
    await expectApiError(await get(emulator, `/v1beta/interactions/${id}`), 404, 'NOT_FOUND');
  });
});

describe('storage modes', () => {
  const emulator = createEmulator({ pacing: FAST });

  it('returns the input only with include_input=true', async () => {
    const input = [{ type: 'text', text: 'keep me' }];
    const made = await create(emulator, { input });
    const plain = (await (await get(emulator, `/v1beta/interactions/${made.id}`)).json()) as Interaction;
    expect(plain.input).toBeUndefined();
    expect(made.input).toBeUndefined();
    const withInput = (await (
      await get(emulator, `/v1beta/interactions/${made.id}?include_input=true`)
    ).json()) as Interaction;
    expect(withInput.input).toEqual(input);
  });

  it('answers a background create at once, in progress, and finishes it in the store', async () => {
    const made = await create(emulator, { input: 'later', background: true });
    expect(made.status).toBe('in_progress');
    const events = await untilDone(emulator, made.id);
    expect((events[events.length - 1] as { interaction: Interaction }).interaction.status).toBe('completed');
    const stored = (await (await get(emulator, `/v1beta/interactions/${made.id}`)).json()) as Interaction;
    expect(answerText(stored)).toContain('later');
  });

  it('streams a store:false interaction but keeps nothing', async () => {
    const events = await readEvents(await startStream(emulator, { input: 'ephemeral', store: false }));
    expect(events[events.length - 1]?.event_type).toBe('interaction.completed');
    const id = (events[0] as { interaction: Interaction }).interaction.id;
    await expectApiError(
      await get(emulator, `/v1beta/interactions/${id}?stream=true`),
      404,
      'NOT_FOUND',
      /store=false/,
    );
  });

  it('forgets the oldest finished interactions beyond maxStoredInteractions', async () => {
    const small = createEmulator({ pacing: FAST, maxStoredInteractions: 2 });
    const [a, b, c] = [
      await create(small, { input: 'a' }),
      await create(small, { input: 'b' }),
      await create(small, { input: 'c' }),
    ];
    expect((await get(small, `/v1beta/interactions/${a.id}`)).status).toBe(404);
    expect((await get(small, `/v1beta/interactions/${b.id}`)).status).toBe(200);
    expect((await get(small, `/v1beta/interactions/${c.id}`)).status).toBe(200);
  });
});
