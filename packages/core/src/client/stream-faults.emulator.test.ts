import type { TestEmulatorServer } from '@gemkit/emulator/testing';
import { describe, expect, test, vi } from 'vitest';
import { AbortError, ProtocolError, StreamError, StreamInterruptedError } from '../errors.js';
import { getText } from '../reduce/text.js';
import {
  CREATE,
  clientFor,
  collect,
  eventCarried,
  failureOf,
  MODEL,
  startServer,
  useEmulatorServer,
} from '../test-support/emulator.js';
import type { InteractionEvent } from '../wire/index.js';
import { isEventOfType } from '../wire/index.js';

const emulator = useEmulatorServer();

const RESUME = { method: 'GET', path: /^\/v1beta\/interactions\/[^/]+$/ };
/** Streamed GETs: the resumes (plain GETs of the stored result are left out). */
const resumesOf = (s: TestEmulatorServer) => s.requestsTo(RESUME).filter((r) => r.query.stream === 'true');

/*
 * Over node:http the emulator's `cut` loses the events written in the same tick as the cut (see the
 * report): a cut "after N events" delivers fewer. The tests therefore cut late enough for some events
 * to arrive, and check what the client saw rather than assuming N.
 */
const LONG = 'Tell me about rivers. [emulator: words=120]';

/** The answer as the text deltas spelled it: any duplicated or lost chunk shows here. */
function deltaText(events: InteractionEvent[]): string {
  return events
    .filter((event) => isEventOfType(event, 'step.delta'))
    .map((event) => (event.delta.type === 'text' ? (event.delta as { text: string }).text : ''))
    .join('');
}

describe('resume', () => {
  test('a stream cut after events resumes after the last event id: no text lost or repeated', async () => {
    emulator().emulator.injectFault({ type: 'cut', afterEvents: 12, match: CREATE });
    const client = clientFor(emulator());
    const stream = await client.interactions.create({ model: MODEL, input: LONG, stream: true });
    const events = await collect(stream);
    const stored = await client.interactions.get(stream.interactionId as string);

    expect(new Set(events.map((event) => event.event_id)).size).toBe(events.length);
    expect(deltaText(events)).toBe(getText(stored));
    expect(eventCarried(await stream.finalInteraction())).toEqual(eventCarried(stored));

    const resumes = resumesOf(emulator());
    expect(resumes).toHaveLength(1);
    const resumedAfter = events.findIndex((event) => event.event_id === resumes[0]?.query.last_event_id);
    expect(resumedAfter).toBeGreaterThan(0);
    expect(resumedAfter).toBeLessThan(12);
    expect(emulator().requestsTo(CREATE)).toHaveLength(1);
  });

  test('repeated cuts, of the create and of the resumes, still end in the exact answer', async () => {
    emulator().emulator.injectFault({ type: 'cut', afterEvents: 12, match: CREATE });
    emulator().emulator.injectFault({ type: 'cut', afterEvents: 15, match: RESUME, times: 2 });
    const client = clientFor(emulator(), { retry: { maxResumeAttempts: 5 } });
    const stream = await client.interactions.create({ model: MODEL, input: LONG, stream: true });
    const events = await collect(stream);
    const stored = await client.interactions.get(stream.interactionId as string);
    expect(deltaText(events)).toBe(getText(stored));
    expect(resumesOf(emulator())).toHaveLength(3);
  });

  test('resumes are bounded: a stream that keeps breaking without progress is StreamInterruptedError', async () => {
    emulator().emulator.injectFault({ type: 'cut', afterEvents: 12, match: CREATE });
    emulator().emulator.injectFault({
      type: 'cut',
      afterEvents: 0,
      match: RESUME,
      times: Number.POSITIVE_INFINITY,
    });
    const client = clientFor(emulator(), { retry: { maxResumeAttempts: 2 } });
    const stream = await client.interactions.create({ model: MODEL, input: LONG, stream: true });
    const error = await failureOf(() => collect(stream));
    expect(error).toBeInstanceOf(StreamInterruptedError);
    expect(error).toMatchObject({
      kind: 'interrupted',
      reason: 'resume_failed',
      interactionId: stream.interactionId,
    });
    expect((error as StreamInterruptedError).snapshot?.id).toBe(stream.interactionId);
    expect(resumesOf(emulator())).toHaveLength(2);
    await expect(stream.finalInteraction()).rejects.toBe(error);
  });

  test('a store:false stream cannot be resumed: StreamInterruptedError with the partial snapshot', async () => {
    emulator().emulator.injectFault({ type: 'cut', afterEvents: 12, match: CREATE });
    const stream = await clientFor(emulator()).interactions.create({
      model: MODEL,
      input: LONG,
      store: false,
      stream: true,
    });
    const seen: InteractionEvent[] = [];
    const error = await failureOf(async () => {
      for await (const event of stream) seen.push(event);
    });
    expect(error).toMatchObject({
      kind: 'interrupted',
      reason: 'not_stored',
      lastEventId: seen.at(-1)?.event_id,
    });
    const partial = (error as StreamInterruptedError).snapshot;
    expect(getText(partial)).toBe(deltaText(seen));
    expect(getText(partial)).not.toBe('');
    expect(resumesOf(emulator())).toHaveLength(0);
  });

  test('a create cut before any event is not repeated: the emulator() had started answering', async () => {
    emulator().emulator.injectFault({ type: 'cut', afterEvents: 0, match: CREATE });
    const stream = await clientFor(emulator()).interactions.create({
      model: MODEL,
      input: LONG,
      stream: true,
    });
    const error = await failureOf(() => collect(stream));
    expect(error).toMatchObject({ kind: 'interrupted', reason: 'no_interaction_id' });
    expect(emulator().requestsTo(CREATE)).toHaveLength(1);
  });
});

describe('broken streams', () => {
  test('malformed bytes are a ProtocolError carrying what had arrived; nothing is resumed', async () => {
    emulator().emulator.injectFault({ type: 'malformed', afterEvents: 7, match: CREATE });
    const stream = await clientFor(emulator()).interactions.create({
      model: MODEL,
      input: LONG,
      stream: true,
    });
    const error = await failureOf(() => collect(stream));
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as ProtocolError).snapshot?.id).toBe(stream.interactionId);
    expect(resumesOf(emulator())).toHaveLength(0);
  });

  test('an in-stream error event is a StreamError; the snapshot reads as the stored failed Interaction', async () => {
    emulator().emulator.injectFault({
      type: 'error',
      afterEvents: 8,
      code: 'INTERNAL',
      message: 'The model broke down',
      match: CREATE,
    });
    const client = clientFor(emulator());
    const stream = await client.interactions.create({ model: MODEL, input: LONG, stream: true });
    const error = await failureOf(() => collect(stream));
    expect(error).toBeInstanceOf(StreamError);
    expect(error).toMatchObject({ kind: 'stream', code: 'INTERNAL', message: 'The model broke down' });
    const stored = await client.interactions.get(stream.interactionId as string);
    const partial = (error as StreamError).snapshot;
    expect(stored).toMatchObject({
      status: 'failed',
      errors: [{ code: 'INTERNAL', message: 'The model broke down' }],
    });
    expect(partial).toMatchObject({ status: stored.status, errors: stored.errors, steps: stored.steps });
  });
});

describe('abort', () => {
  test('stream.abort() ends iteration with AbortError and releases the connection', async () => {
    const slow = await startServer({ pacing: { chunkSize: 3, delayMs: 5 } });
    try {
      const stream = await clientFor(slow).interactions.create({ model: MODEL, input: LONG, stream: true });
      let deltas = 0;
      const error = await failureOf(async () => {
        for await (const event of stream) {
          if (event.event_type === 'step.delta' && ++deltas === 3) stream.abort();
        }
      });
      expect(error).toBeInstanceOf(AbortError);
      expect((error as AbortError).snapshot?.id).toBe(stream.interactionId);
      await expect(stream.finalInteraction()).rejects.toBeInstanceOf(AbortError);
      await vi.waitFor(() => expect(slow.emulator.stats.streamsAbortedByClient).toBe(1));
      // Disconnecting does not stop a stored generation: it can still be read to the end.
      const resumed = await clientFor(slow).interactions.get(stream.interactionId as string, {
        stream: true,
      });
      expect((await resumed.finalInteraction()).status).toBe('completed');
    } finally {
      await slow.close();
    }
  });

  test("the caller's AbortSignal aborts a stream, a pending create, and a plain request", async () => {
    const slow = await startServer({ pacing: { chunkSize: 3, delayMs: 5 } });
    try {
      const client = clientFor(slow);
      const controller = new AbortController();
      const stream = await client.interactions.create(
        { model: MODEL, input: LONG, stream: true },
        { signal: controller.signal },
      );
      const error = await failureOf(async () => {
        for await (const event of stream) if (event.event_type === 'step.delta') controller.abort();
      });
      expect(error).toBeInstanceOf(AbortError);

      slow.emulator.injectFault({ type: 'latency', ms: 60_000, match: CREATE, times: 2 });
      const pending = new AbortController();
      const streaming = client.interactions.create(
        { model: MODEL, input: 'x', stream: true },
        { signal: pending.signal },
      );
      const plain = client.interactions.create({ model: MODEL, input: 'x' }, { signal: pending.signal });
      pending.abort();
      await expect(streaming).rejects.toBeInstanceOf(AbortError);
      await expect(plain).rejects.toMatchObject({ kind: 'abort' });
      await expect(
        client.interactions.get('anything', {}, { signal: AbortSignal.abort() }),
      ).rejects.toMatchObject({
        kind: 'abort',
      });
    } finally {
      await slow.close();
    }
  });

  test('leaving a for-await early aborts the stream and frees the connection', async () => {
    const slow = await startServer({ pacing: { chunkSize: 3, delayMs: 5 } });
    try {
      const stream = await clientFor(slow).interactions.create({ model: MODEL, input: LONG, stream: true });
      for await (const event of stream) if (event.event_type === 'step.start') break;
      await expect(stream.finalInteraction()).rejects.toMatchObject({ kind: 'abort' });
      await vi.waitFor(() => expect(slow.emulator.stats.streamsAbortedByClient).toBe(1));
    } finally {
      await slow.close();
    }
  });
});
