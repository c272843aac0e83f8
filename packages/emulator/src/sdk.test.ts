/**
 * The official @google/genai SDK (2.32) as a real client of the emulator, over real HTTP: the proof that
 * the emulator speaks the protocol the SDK parses. If one of these fails, the emulator is wrong.
 */
import { GoogleGenAI } from '@google/genai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type EmulatorServer, startEmulatorServer } from './node.js';
import { MODEL, PNG_1X1 } from './test-helpers.js';

let server: EmulatorServer;
let ai: GoogleGenAI;

beforeAll(async () => {
  server = await startEmulatorServer({ port: 0, pacing: { chunkSize: 16, delayMs: 1 } });
  // httpOptions.baseUrl points both the Interactions client and the Files API at the emulator.
  ai = new GoogleGenAI({ apiKey: 'test-key', httpOptions: { baseUrl: server.url } });
});
afterAll(() => server.close());
beforeEach(() => server.emulator.reset());

// The SDK types of 2.32 trail the 3.1 wire types in places; requests are built as the wire expects.
type AnyEvent = {
  event_type: string;
  event_id?: string;
  index?: number;
  delta?: Record<string, string>;
  interaction?: { id: string; status: string };
};
const createParams = (params: Record<string, unknown>) => ({ model: MODEL, ...params }) as never;

async function collect(
  stream: AsyncIterable<unknown>,
  limit = Number.POSITIVE_INFINITY,
): Promise<AnyEvent[]> {
  const events: AnyEvent[] = [];
  for await (const event of stream) {
    events.push(event as AnyEvent);
    if (events.length >= limit) break;
  }
  return events;
}

const text = (events: AnyEvent[]) =>
  events
    .filter((e) => e.event_type === 'step.delta' && e.delta?.type === 'text')
    .map((e) => e.delta?.text)
    .join('');

describe('@google/genai 2.32 against the emulator', () => {
  it('creates an interaction', async () => {
    const interaction = await ai.interactions.create(createParams({ input: 'Hello from the SDK' }));
    expect(interaction.status).toBe('completed');
    expect(interaction.id).toMatch(/^v1_/);
    expect(interaction.output_text).toContain('Hello from the SDK');
    expect(interaction.usage?.total_input_tokens).toBeGreaterThan(0);
    const logged = server.emulator.requests[0];
    expect(logged).toMatchObject({
      method: 'POST',
      path: '/v1beta/interactions',
      body: { model: MODEL, input: 'Hello from the SDK' },
    });
    expect(logged?.headers['x-goog-api-key']).toBe('[redacted]');
  });

  it('streams: events iterate and the text reassembles to the stored answer', async () => {
    const stream = await ai.interactions.create(
      createParams({
        input: 'Stream please',
        stream: true,
        generation_config: { thinking_summaries: 'auto' },
      }),
    );
    const events = await collect(stream as unknown as AsyncIterable<unknown>);
    expect(events[0]?.event_type).toBe('interaction.created');
    expect(events.at(-1)?.event_type).toBe('interaction.completed');
    expect(events.some((e) => e.delta?.type === 'thought_summary')).toBe(true);
    const id = events[0]?.interaction?.id as string;
    const stored = await ai.interactions.get(id);
    expect(stored.output_text).toBe(text(events));
  });

  it('continues a conversation with previous_interaction_id', async () => {
    const first = await ai.interactions.create(createParams({ input: 'I have 2 dogs in my house.' }));
    const second = await ai.interactions.create(
      createParams({ input: 'How many paws are in my house?', previous_interaction_id: first.id }),
    );
    expect(second.output_text).toContain('I have 2 dogs in my house.');
    expect(second.usage?.total_input_tokens).toBeGreaterThan(first.usage?.total_input_tokens ?? 0);
  });

  it('runs stateless with store:false and the history as input steps', async () => {
    const first = await ai.interactions.create(createParams({ input: 'My name is Ada.', store: false }));
    const history = [
      { type: 'user_input', content: [{ type: 'text', text: 'My name is Ada.' }] },
      ...(first.steps ?? []),
      { type: 'user_input', content: [{ type: 'text', text: 'What is my name?' }] },
    ];
    const second = await ai.interactions.create(createParams({ input: history, store: false }));
    expect(second.output_text).toContain('My name is Ada.');
    await expect(ai.interactions.get(second.id)).rejects.toMatchObject({ status: 404 });
  });

  it('uploads a file with files.upload and uses it as image input by uri', async () => {
    const png = Uint8Array.from(atob(PNG_1X1), (c) => c.charCodeAt(0));
    const file = await ai.files.upload({
      file: new Blob([png], { type: 'image/png' }),
      config: { mimeType: 'image/png', displayName: 'pixel' },
    });
    expect(file).toMatchObject({
      mimeType: 'image/png',
      sizeBytes: '70',
      displayName: 'pixel',
      state: 'ACTIVE',
    });
    expect(file.uri).toBe(`${server.url}/v1beta/${file.name}`);
    const interaction = await ai.interactions.create(
      createParams({
        input: [
          { type: 'text', text: 'Describe this image' },
          { type: 'image', uri: file.uri, mime_type: 'image/png' },
        ],
      }),
    );
    expect(interaction.output_text).toMatch(/\| image \| image\/png \| files\/[a-z0-9]+ \| 70 bytes \|/);
    expect(interaction.usage?.input_tokens_by_modality).toContainEqual({ modality: 'image', tokens: 258 });
    expect((await ai.files.get({ name: file.name as string })).name).toBe(file.name);
    await ai.files.delete({ name: file.name as string });
    await expect(ai.files.get({ name: file.name as string })).rejects.toMatchObject({ status: 404 });
  });

  it('resumes a cut stream with get(stream, last_event_id): no gap, no duplicate', async () => {
    server.emulator.injectFault({ type: 'cut', afterEvents: 4 });
    const stream = await ai.interactions.create(
      createParams({ input: 'Cut me [emulator: words=150]', stream: true }),
    );
    const before: AnyEvent[] = [];
    await expect(
      (async () => {
        for await (const event of stream as unknown as AsyncIterable<unknown>) before.push(event as AnyEvent);
      })(),
    ).rejects.toThrow();
    expect(before).toHaveLength(4);
    const id = before[0]?.interaction?.id as string;
    const resumed = await ai.interactions.get(id, { stream: true, last_event_id: before[3]?.event_id });
    const rest = await collect(resumed as unknown as AsyncIterable<unknown>);
    const replay = await collect(
      (await ai.interactions.get(id, { stream: true })) as unknown as AsyncIterable<unknown>,
    );
    expect([...before, ...rest]).toEqual(replay);
    expect(rest.at(-1)?.interaction?.status).toBe('completed');
  });

  it('deletes an interaction', async () => {
    const interaction = await ai.interactions.create(createParams({ input: 'Delete me' }));
    await ai.interactions.delete(interaction.id);
    await expect(ai.interactions.get(interaction.id)).rejects.toMatchObject({ status: 404 });
  });

  it('cancels a running interaction; its stream ends cancelled', async () => {
    const stream = await ai.interactions.create(
      createParams({ input: 'Slow [emulator: words=3000]', stream: true }),
    );
    const iterator = (stream as unknown as AsyncIterable<unknown>)[Symbol.asyncIterator]();
    const first = (await iterator.next()).value as AnyEvent;
    await iterator.next();
    const cancelled = await ai.interactions.cancel(first.interaction?.id as string);
    expect(cancelled.status).toBe('cancelled');
    const rest: AnyEvent[] = [];
    for (let next = await iterator.next(); !next.done; next = await iterator.next())
      rest.push(next.value as AnyEvent);
    expect(rest.at(-1)).toMatchObject({
      event_type: 'interaction.completed',
      interaction: { status: 'cancelled' },
    });
    expect(server.emulator.stats.cancels).toBe(1);
  });

  describe('errors reach the SDK as its error classes, with the status', () => {
    it('400 for a bad request', async () => {
      const error = await ai.interactions
        .create(createParams({ input: 'hi', generation_config: { temperature: 'hot' } }))
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ status: 400, name: 'BadRequestError' });
      expect((error as Error).message).toMatch(/generation_config\.temperature/);
    });

    it('404 for an unknown model and an unknown interaction', async () => {
      await expect(
        ai.interactions.create(createParams({ model: 'gemini-0-ultra', input: 'hi' })),
      ).rejects.toMatchObject({
        status: 404,
        name: 'NotFoundError',
      });
      await expect(ai.interactions.get('v1_nope')).rejects.toMatchObject({
        status: 404,
        name: 'NotFoundError',
      });
    });

    it('429 without retries; with retries the SDK honours Retry-After and succeeds', async () => {
      server.emulator.injectFault({ type: 'status', status: 429, retryAfterSeconds: 1 });
      await expect(
        ai.interactions.create(createParams({ input: 'hi' }), { maxRetries: 0 }),
      ).rejects.toMatchObject({
        status: 429,
        name: 'RateLimitError',
      });
      server.emulator.injectFault({ type: 'status', status: 503, retryAfterSeconds: 1 });
      const retried = await ai.interactions.create(createParams({ input: 'hi' }));
      expect(retried.status).toBe('completed');
      expect(server.emulator.requests.filter((r) => r.path === '/v1beta/interactions')).toHaveLength(3);
    });

    it('404 from the Files API for an unknown file', async () => {
      await expect(ai.files.get({ name: 'files/missing' })).rejects.toMatchObject({ status: 404 });
    });
  });
});
