import { describe, expect, inject, it } from 'vitest';
import { Conversation } from '../conversation/conversation.js';
import { getText } from '../reduce/text.js';
import { createClient } from './create-client.js';
import { createWorkerFetch } from './worker-fetch.js';

/** A real emulator server (scripts/browser-emulator-setup.ts): small chunks, 5 ms apart. */
const emulatorUrl = inject('emulatorUrl');
const MODEL = 'gemini-3-flash-preview';
const LONG = 'A long answer, please. [emulator: words=300]';

const createStream = (input: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ model: MODEL, input, stream: true }),
});

/** Reads a body to its end, counting the reads the page made. */
async function readAll(response: Response) {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let reads = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    reads++;
    text += decoder.decode(value, { stream: true });
  }
  return { reads, text };
}

/** The streamed answer in an SSE body: its event types, and the text of its deltas. */
function eventsOf(sse: string) {
  const events = sse
    .split('\n')
    .filter((line) => line.startsWith('data: '))
    .map((line) => JSON.parse(line.slice(6)) as { event_type: string; delta?: { text?: string } });
  return {
    types: events.map((event) => event.event_type),
    text: events.map((event) => event.delta?.text ?? '').join(''),
  };
}

describe('createWorkerFetch, in Chromium against the emulator', () => {
  it('hands the page a streamed body in batches: the same events, in far fewer reads than chunks', async () => {
    const workerFetch = createWorkerFetch();
    const started = performance.now();
    const viaWorker = await readAll(
      await workerFetch(`${emulatorUrl}/v1beta/interactions`, createStream(LONG)),
    );
    const elapsedMs = performance.now() - started;
    const direct = await readAll(await fetch(`${emulatorUrl}/v1beta/interactions`, createStream(LONG)));

    const worker = eventsOf(viaWorker.text);
    expect(worker.types).toEqual(eventsOf(direct.text).types);
    expect(worker.text).toBe(eventsOf(direct.text).text);
    expect(worker.text.length).toBeGreaterThan(1000);
    // At most one batch per 40 ms of stream, plus the first: a bound a slow machine only loosens.
    const bound = Math.ceil(elapsedMs / 40) + 2;
    expect(viaWorker.reads).toBeLessThanOrEqual(bound);
    // The page's own fetch gets a read per network chunk: many more.
    expect(direct.reads).toBeGreaterThan(bound * 2);
  });

  it('keeps status, status text, headers and body of an error, and resolves relative URLs against the page', async () => {
    const workerFetch = createWorkerFetch();
    const missing = `${emulatorUrl}/v1beta/interactions/no-such-interaction`;
    const [viaWorker, direct] = await Promise.all([workerFetch(missing), fetch(missing)]);
    expect(viaWorker.status).toBe(404);
    expect(viaWorker.ok).toBe(false);
    expect(viaWorker.statusText).toBe(direct.statusText);
    expect(viaWorker.url).toBe(direct.url);
    expect(viaWorker.headers.get('content-type')).toBe(direct.headers.get('content-type'));
    expect(await viaWorker.json()).toEqual(await direct.json());

    const self = new URL(import.meta.url);
    const relative = await workerFetch(self.pathname + self.search);
    expect(relative.status).toBe(200);
    expect(relative.url).toBe(self.href);
    expect(await relative.text()).toContain('createWorkerFetch, in Chromium');
  });

  it('aborts as fetch does: before it starts, while it waits for the answer, and mid-body', async () => {
    const workerFetch = createWorkerFetch();
    const url = `${emulatorUrl}/v1beta/interactions`;
    const abortError = { name: 'AbortError' };

    const before = new AbortController();
    before.abort();
    await expect(workerFetch(url, { ...createStream(LONG), signal: before.signal })).rejects.toMatchObject(
      abortError,
    );

    const waiting = new AbortController();
    const pending = workerFetch(url, { ...createStream(LONG), signal: waiting.signal });
    waiting.abort();
    await expect(pending).rejects.toMatchObject(abortError);

    const midBody = new AbortController();
    const response = await workerFetch(url, { ...createStream(LONG), signal: midBody.signal });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    expect((await reader.read()).done).toBe(false);
    midBody.abort();
    await expect(
      (async () => {
        for (;;) if ((await reader.read()).done) return 'ended';
      })(),
    ).rejects.toMatchObject(abortError);
  });

  it("is the client's default in a page: a streamed answer arrives whole, and a stop cancels it", async () => {
    // The page's resource timing lists the page's own fetches, not a worker's.
    const pageFetches = () =>
      performance.getEntriesByType('resource').filter((entry) => entry.name.startsWith(emulatorUrl)).length;
    const before = pageFetches();
    const client = createClient({ baseUrl: emulatorUrl });
    const stream = await client.interactions.create({ model: MODEL, input: LONG, stream: true });
    const final = await stream.finalInteraction();
    const stored = await client.interactions.get(final.id);
    expect(pageFetches()).toBe(before);
    const onMainThread = createClient({ baseUrl: emulatorUrl, offMainThread: false });
    await onMainThread.interactions.get(final.id);
    expect(pageFetches()).toBe(before + 1);
    expect(getText(final)).toBe(getText(stored));
    expect(getText(final).length).toBeGreaterThan(1000);

    const conversation = new Conversation({ client, model: MODEL });
    const sending = conversation.send(LONG);
    await expect
      .poll(() => conversation.getSnapshot().messages[1]?.text.length ?? 0, { timeout: 10_000 })
      .toBeGreaterThan(50);
    conversation.stop();
    await sending;
    expect(conversation.getSnapshot().messages[1]).toMatchObject({ status: 'cancelled' });
  });
});
