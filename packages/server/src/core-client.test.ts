/**
 * @gemkit/core's client, with the route as its base URL (as a browser app has it), over real HTTP to the
 * emulator, which only accepts the server's key. Includes the client-abort → upstream-abort guarantee.
 */
import { createClient, getText, type InteractionEvent } from '@gemkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseTranscript, SERVER_KEY, startStack } from './test-support/harness.js';
import { eventually } from './test-support/http.js';

const MODEL = 'gemini-3-flash-preview';
const transcript = new ResponseTranscript();
let stack: Awaited<ReturnType<typeof startStack>>;
let client: ReturnType<typeof createClient>;

beforeAll(async () => {
  stack = await startStack({}, transcript);
  client = createClient({ baseUrl: stack.route.baseUrl, retry: { maxRetries: 0 } });
});
afterAll(async () => {
  await stack?.close();
  expect(transcript.responses).toBeGreaterThan(5);
  expect(transcript.contains(SERVER_KEY)).toBe(false);
});

/** A stack whose emulator streams slowly, so a stream is still running when the test acts on it. */
async function withSlowStack(
  run: (
    slow: Awaited<ReturnType<typeof startStack>>,
    client: ReturnType<typeof createClient>,
  ) => Promise<void>,
): Promise<void> {
  const slow = await startStack({}, transcript, { pacing: { chunkSize: 4, delayMs: 20 } });
  try {
    await run(slow, createClient({ baseUrl: slow.route.baseUrl, retry: { maxRetries: 0 } }));
  } finally {
    await slow.close();
  }
}

const deltaText = (events: InteractionEvent[]) =>
  events
    .map(
      (e) =>
        (e.event_type === 'step.delta' && (e as { delta: { type: string; text?: string } }).delta) ||
        undefined,
    )
    .filter((d) => d?.type === 'text')
    .map((d) => d?.text ?? '')
    .join('');

describe('@gemkit/core client through the route', () => {
  it('creates, reads back and deletes an interaction', async () => {
    const interaction = await client.interactions.create({
      model: MODEL,
      input: 'Hi there [emulator: echo]',
    });
    expect(getText(interaction)).toBe('Hi there');
    const stored = await client.interactions.get(interaction.id, { include_input: true });
    expect(getText(stored)).toBe('Hi there');
    await client.interactions.delete(interaction.id);
    await expect(client.interactions.get(interaction.id)).rejects.toMatchObject({ status: 404 });
  });

  it('streams: the snapshot after the last event equals the stored interaction', async () => {
    const stream = await client.interactions.create({
      model: MODEL,
      input: 'Stream [emulator: words=150]',
      stream: true,
    });
    const events: InteractionEvent[] = [];
    for await (const event of stream) events.push(event);
    const final = stream.snapshot;
    const stored = await client.interactions.get(final?.id as string);
    expect(getText(final)).toBe(getText(stored));
    expect(deltaText(events)).toBe(getText(stored));
  });

  it('resumes with last_event_id and continues with previous_interaction_id', async () => {
    const stream = await client.interactions.create({ model: MODEL, input: 'Remember: blue.', stream: true });
    const events: InteractionEvent[] = [];
    for await (const event of stream) events.push(event);
    const id = stream.interactionId as string;
    const resumed = await client.interactions.get(id, { stream: true, last_event_id: events[2]?.event_id });
    const rest: InteractionEvent[] = [];
    for await (const event of resumed) rest.push(event);
    expect(rest.map((e) => e.event_id)).toEqual(events.slice(3).map((e) => e.event_id));
    const next = await client.interactions.create({
      model: MODEL,
      input: 'Which colour?',
      previous_interaction_id: id,
    });
    expect(getText(next)).toContain('Remember: blue.');
  });

  it('uploads, gets and deletes a file (bytes through the route, in several chunks)', async () => {
    const bytes = new Uint8Array(600 * 1024).map((_, i) => i % 251);
    const file = await client.files.upload(new Blob([bytes], { type: 'image/png' }), {
      displayName: 'pic.png',
      chunkSize: 256 * 1024,
    });
    expect(file.sizeBytes).toBe(String(bytes.byteLength));
    expect((await client.files.get(file.name)).displayName).toBe('pic.png');
    await client.files.delete(file.name);
    await expect(client.files.get(file.name)).rejects.toMatchObject({ status: 404 });
  });

  it('a client abort aborts the upstream request (no tokens paid for after stop)', async () => {
    await withSlowStack(async (slow, slowClient) => {
      const stream = await slowClient.interactions.create({
        model: MODEL,
        input: 'A long one [emulator: words=2000]',
        stream: true,
      });
      const iterator = stream[Symbol.asyncIterator]();
      for (let i = 0; i < 5; i++) await iterator.next();
      const before = slow.emulator.emulator.stats;
      expect(before.streamsOpened).toBe(1);
      expect(before.streamsAbortedByClient).toBe(0);
      stream.abort();
      await eventually(
        () => slow.emulator.emulator.stats.streamsAbortedByClient === 1,
        'the emulator to see its client (the route) go away',
      );
      expect(slow.emulator.emulator.stats.streamsCompleted).toBe(0);
    });
  });

  it('cancel stops a running interaction', async () => {
    await withSlowStack(async (_slow, slowClient) => {
      const stream = await slowClient.interactions.create({
        model: MODEL,
        input: 'Long [emulator: words=800]',
        stream: true,
      });
      const iterator = stream[Symbol.asyncIterator]();
      await iterator.next();
      await slowClient.interactions.cancel(stream.interactionId as string);
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {}
      expect(stream.snapshot?.status).toBe('cancelled');
    });
  });
});
