/**
 * The official @google/genai SDK (2.32), pointed at the route as its base URL, works unchanged: every
 * forwarded call, streaming included, over real HTTP to the emulator, which only accepts the server's key.
 */
import { GoogleGenAI } from '@google/genai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseTranscript, SERVER_KEY, startStack } from './test-support/harness.js';
import { eventually } from './test-support/http.js';

const MODEL = 'gemini-3-flash-preview';
const transcript = new ResponseTranscript();
let stack: Awaited<ReturnType<typeof startStack>>;
let ai: GoogleGenAI;

beforeAll(async () => {
  stack = await startStack({}, transcript);
  // The browser-side key is a dummy the SDK insists on; the route must replace it with the server's.
  ai = new GoogleGenAI({ apiKey: 'client-key', httpOptions: { baseUrl: stack.route.baseUrl } });
});
afterAll(async () => {
  await stack?.close();
  expect(transcript.responses).toBeGreaterThan(5);
  expect(transcript.contains(SERVER_KEY)).toBe(false);
});

type AnyEvent = {
  event_type?: string;
  event_id?: string;
  delta?: { type?: string; text?: string };
  interaction?: { id?: string };
};

function textOf(interaction: { steps?: unknown[] }): string {
  const steps = (interaction.steps ?? []) as { type: string; content?: { type: string; text?: string }[] }[];
  const output = steps.filter((step) => step.type === 'model_output').at(-1);
  return (output?.content ?? []).map((c) => c.text ?? '').join('');
}

async function collect(stream: AsyncIterable<unknown>): Promise<AnyEvent[]> {
  const events: AnyEvent[] = [];
  for await (const event of stream) events.push(event as AnyEvent);
  return events;
}

const deltaText = (events: AnyEvent[]) =>
  events
    .filter((e) => e.event_type === 'step.delta' && e.delta?.type === 'text')
    .map((e) => e.delta?.text ?? '')
    .join('');

describe('@google/genai 2.32 through the route', () => {
  it('creates an interaction', async () => {
    const interaction = await ai.interactions.create({ model: MODEL, input: 'Hello [emulator: echo]' });
    expect(interaction.status).toBe('completed');
    expect(textOf(interaction as { steps?: unknown[] })).toBe('Hello');
  });

  it('streams an interaction, event by event, and the text matches the stored interaction', async () => {
    const events = await collect(
      await ai.interactions.create({
        model: MODEL,
        input: 'Tell me something [emulator: words=120]',
        stream: true,
      }),
    );
    expect(events[0]?.event_type).toBe('interaction.created');
    expect(events.at(-1)?.event_type).toBe('interaction.completed');
    const id = events[0]?.interaction?.id as string;
    const stored = await ai.interactions.get(id);
    expect(deltaText(events)).toBe(textOf(stored as { steps?: unknown[] }));
    expect(deltaText(events).split(/\s+/).length).toBeGreaterThanOrEqual(100);
  });

  it('continues a conversation with previous_interaction_id', async () => {
    const first = await ai.interactions.create({ model: MODEL, input: 'My name is Ada.' });
    const second = await ai.interactions.create({
      model: MODEL,
      input: 'What did I say?',
      previous_interaction_id: first.id,
    });
    expect(textOf(second as { steps?: unknown[] })).toContain('My name is Ada.');
  });

  it('resumes a stream with last_event_id', async () => {
    const events = await collect(
      await ai.interactions.create({ model: MODEL, input: 'Resume me [emulator: words=60]', stream: true }),
    );
    const id = events[0]?.interaction?.id as string;
    const cut = 4;
    const rest = await collect(
      await ai.interactions.get(id, { stream: true, last_event_id: events[cut - 1]?.event_id as string }),
    );
    expect(rest.map((e) => e.event_id)).toEqual(events.slice(cut).map((e) => e.event_id));
  });

  it('cancels a running interaction', async () => {
    // Slow enough to still be running when the cancel arrives.
    const slow = await startStack({}, transcript, { pacing: { chunkSize: 2, delayMs: 20 } });
    try {
      const client = new GoogleGenAI({ apiKey: 'client-key', httpOptions: { baseUrl: slow.route.baseUrl } });
      const stream = await client.interactions.create({
        model: MODEL,
        input: 'Long [emulator: words=400]',
        stream: true,
      });
      const iterator = stream[Symbol.asyncIterator]();
      const created = (await iterator.next()).value as AnyEvent;
      const id = created.interaction?.id as string;
      const cancelled = await client.interactions.cancel(id);
      expect(['cancelled', 'in_progress']).toContain(cancelled.status);
      const rest: AnyEvent[] = [];
      for (let next = await iterator.next(); !next.done; next = await iterator.next())
        rest.push(next.value as AnyEvent);
      const last = rest.at(-1) as { event_type?: string; interaction?: { status?: string } };
      expect(last.event_type).toBe('interaction.completed');
      expect(last.interaction?.status).toBe('cancelled');
      await eventually(() => slow.emulator.emulator.stats.cancels === 1, 'the emulator to count the cancel');
    } finally {
      await slow.close();
    }
  });

  it('deletes an interaction', async () => {
    const interaction = await ai.interactions.create({ model: MODEL, input: 'Delete me' });
    await ai.interactions.delete(interaction.id);
    await expect(ai.interactions.get(interaction.id)).rejects.toMatchObject({ status: 404 });
  });

  it('uploads a file (resumable, bytes through the route), gets it, uses it, deletes it', async () => {
    const blob = new Blob([new Uint8Array(300_000).fill(7)], { type: 'application/pdf' });
    const file = await ai.files.upload({
      file: blob,
      config: { mimeType: 'application/pdf', displayName: 'doc.pdf' },
    });
    expect(file.name).toMatch(/^files\//);
    expect(file.sizeBytes).toBe('300000');
    const got = await ai.files.get({ name: file.name as string });
    expect(got.displayName).toBe('doc.pdf');
    const interaction = await ai.interactions.create({
      model: MODEL,
      input: [
        { type: 'text', text: 'What is attached?' },
        { type: 'document', uri: file.uri as string, mime_type: 'application/pdf' },
      ],
    });
    expect(textOf(interaction as { steps?: unknown[] })).toContain('application/pdf');
    await ai.files.delete({ name: file.name as string });
    await expect(ai.files.get({ name: file.name as string })).rejects.toMatchObject({ status: 404 });
    // The bytes went through the route: the emulator saw the upload from the route, with the server's key.
    expect(stack.emulator.emulator.stats.filesUploaded).toBeGreaterThanOrEqual(1);
  });
});
