/**
 * The ownership guard: when `authorize` names users, one user cannot read, continue, cancel or delete
 * another's interactions, nor read, use, delete or upload into another's files. Anonymous requests cannot
 * touch what a user owns. A stranger's resource answers 404, like one that does not exist.
 */
import { createClient, type GemkitClient, getText } from '@gemkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseTranscript, SERVER_KEY, startStack } from './test-support/harness.js';

const MODEL = 'gemini-3-flash-preview';
const transcript = new ResponseTranscript();
let stack: Awaited<ReturnType<typeof startStack>>;
let alice: GemkitClient;
let bob: GemkitClient;
let anonymous: GemkitClient;

beforeAll(async () => {
  stack = await startStack(
    {
      rateLimit: false,
      // A stand-in for the app's session check: the user is whoever the header names.
      authorize: (request) => ({ user: request.headers.get('x-user') ?? undefined }),
    },
    transcript,
    { pacing: { chunkSize: 8, delayMs: 10 } },
  );
  const as = (user?: string) =>
    createClient({
      baseUrl: stack.route.baseUrl,
      retry: { maxRetries: 0 },
      headers: user ? { 'x-user': user } : {},
    });
  alice = as('alice');
  bob = as('bob');
  anonymous = as();
});
afterAll(async () => {
  await stack?.close();
  expect(transcript.contains(SERVER_KEY)).toBe(false);
});

const notFound = { status: 404 };

describe('interactions', () => {
  it("nobody else can read, continue, cancel or delete a user's interaction", async () => {
    const mine = await alice.interactions.create({ model: MODEL, input: 'secret plans' });
    const before = stack.emulator.emulator.stats.requests;
    await expect(bob.interactions.get(mine.id)).rejects.toMatchObject(notFound);
    await expect(anonymous.interactions.get(mine.id)).rejects.toMatchObject(notFound);
    await expect(bob.interactions.get(mine.id, { stream: true })).rejects.toMatchObject(notFound);
    await expect(
      bob.interactions.create({ model: MODEL, input: 'and then?', previous_interaction_id: mine.id }),
    ).rejects.toMatchObject(notFound);
    await expect(bob.interactions.cancel(mine.id)).rejects.toMatchObject(notFound);
    await expect(bob.interactions.delete(mine.id)).rejects.toMatchObject(notFound);
    expect(stack.emulator.emulator.stats.requests).toBe(before); // refused here, not upstream

    expect(getText(await alice.interactions.get(mine.id))).toBe(getText(mine));
    const next = await alice.interactions.create({
      model: MODEL,
      input: 'and then?',
      previous_interaction_id: mine.id,
    });
    expect(getText(next)).toContain('secret plans');
    await alice.interactions.delete(mine.id);
    await expect(alice.interactions.get(mine.id)).rejects.toMatchObject(notFound);
  });

  it('a streamed interaction is owned from its first event: its owner can cancel it straight away', async () => {
    const stream = await alice.interactions.create({
      model: MODEL,
      input: 'long [emulator: words=600]',
      stream: true,
    });
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next(); // interaction.created
    const id = stream.interactionId as string;
    await expect(bob.interactions.cancel(id)).rejects.toMatchObject(notFound);
    await alice.interactions.cancel(id);
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {}
    expect(stream.snapshot?.status).toBe('cancelled');
  });

  it('anonymous interactions stay usable by anonymous requests, but not by named users', async () => {
    const open = await anonymous.interactions.create({ model: MODEL, input: 'hello' });
    expect((await anonymous.interactions.get(open.id)).id).toBe(open.id);
    await expect(alice.interactions.get(open.id)).rejects.toMatchObject(notFound);
  });
});

describe('files', () => {
  it("nobody else can read, use or delete a user's file", async () => {
    const file = await alice.files.upload(new Blob(['%PDF-1.4 tiny'], { type: 'application/pdf' }));
    await expect(bob.files.get(file.name)).rejects.toMatchObject(notFound);
    await expect(anonymous.files.get(file.name)).rejects.toMatchObject(notFound);
    await expect(bob.files.delete(file.name)).rejects.toMatchObject(notFound);
    const withFile = (client: GemkitClient) =>
      client.interactions.create({
        model: MODEL,
        input: [
          { type: 'text', text: 'read this' },
          { type: 'document', uri: file.uri as string, mime_type: 'application/pdf' },
        ],
      });
    await expect(withFile(bob)).rejects.toMatchObject(notFound);
    expect(getText(await withFile(alice))).toContain('application/pdf');
    expect((await alice.files.get(file.name)).name).toBe(file.name);
    await alice.files.delete(file.name);
  });

  it("nobody else can send bytes into a user's upload session", async () => {
    const start = await fetch(`${stack.route.baseUrl}/upload/v1beta/files`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-user': 'alice',
        'x-goog-upload-protocol': 'resumable',
        'x-goog-upload-command': 'start',
        'x-goog-upload-header-content-length': '3',
      },
      body: '{"file":{"mimeType":"text/plain"}}',
    });
    const uploadUrl = start.headers.get('x-goog-upload-url') as string;
    const send = (user: string) =>
      fetch(uploadUrl, {
        method: 'POST',
        headers: { 'x-user': user, 'x-goog-upload-command': 'upload, finalize', 'x-goog-upload-offset': '0' },
        body: 'abc',
      });
    expect((await send('bob')).status).toBe(404);
    const done = await send('alice');
    expect(done.headers.get('x-goog-upload-status')).toBe('final');
    const { file } = (await done.json()) as { file: { name: string } };
    expect((await alice.files.get(file.name)).name).toBe(file.name);
    await expect(bob.files.get(file.name)).rejects.toMatchObject(notFound);
  });
});
