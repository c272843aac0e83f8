import { expect, test } from 'vitest';
import { AbortError, ApiError, UsageError } from '../errors.js';
import { getText } from '../reduce/text.js';
import { clientFor, MODEL, useEmulatorServer } from '../test-support/emulator.js';
import type { UploadProgress } from './files.js';

const emulator = useEmulatorServer();

const MiB = 1024 * 1024;
const ONE_PIXEL_PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

test('upload: the resumable protocol in chunks, with progress; then the file is an image input', async () => {
  const client = clientFor(emulator());
  // Bigger than the server's 8 MiB chunk granularity, so it goes in two chunks.
  const bytes = new Uint8Array(9 * MiB);
  bytes.set(ONE_PIXEL_PNG);
  const progress: UploadProgress[] = [];
  const file = await client.files.upload(new Blob([bytes], { type: 'image/png' }), {
    displayName: 'big.png',
    chunkSize: 1 * MiB, // rounded up to the announced granularity
    onProgress: (p) => progress.push(p),
  });
  expect(progress).toEqual([
    { loaded: 0, total: 9 * MiB },
    { loaded: 8 * MiB, total: 9 * MiB },
    { loaded: 9 * MiB, total: 9 * MiB },
  ]);
  expect(file).toMatchObject({
    displayName: 'big.png',
    mimeType: 'image/png',
    sizeBytes: String(9 * MiB),
    state: 'ACTIVE',
  });

  const [start, ...chunks] = emulator().requestsTo({ method: 'POST', path: '/upload/v1beta/files' });
  expect(start?.headers).toMatchObject({
    'x-goog-upload-protocol': 'resumable',
    'x-goog-upload-command': 'start',
    'x-goog-upload-header-content-length': String(9 * MiB),
    'x-goog-upload-header-content-type': 'image/png',
  });
  expect(
    chunks.map((chunk) => [chunk.headers['x-goog-upload-command'], chunk.headers['x-goog-upload-offset']]),
  ).toEqual([
    ['upload', '0'],
    ['upload, finalize', String(8 * MiB)],
  ]);

  const answer = await client.interactions.create({
    model: MODEL,
    input: [
      { type: 'text', text: 'What is in this picture?' },
      { type: 'image', uri: file.uri, mime_type: 'image/png' },
    ],
  });
  expect(getText(answer)).toContain('image/png');
});

test('get and delete a file by name', async () => {
  const client = clientFor(emulator());
  const file = await client.files.upload(new File([ONE_PIXEL_PNG], 'pixel.png', { type: 'image/png' }));
  expect(file.displayName).toBe('pixel.png');
  expect(await client.files.get(file.name)).toEqual(file);
  expect(await client.files.get(file.name.replace('files/', ''))).toEqual(file);
  await client.files.delete(file.name);
  const error = await client.files.get(file.name).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ status: 404, apiStatus: 'NOT_FOUND' });
});

test('bad input is a UsageError before any request; an aborted upload is an AbortError', async () => {
  const client = clientFor(emulator());
  await expect(client.files.upload(new Blob([ONE_PIXEL_PNG]))).rejects.toBeInstanceOf(UsageError);
  await expect(client.files.upload('not a blob' as never)).rejects.toMatchObject({ kind: 'usage' });
  await expect(client.files.get('')).rejects.toMatchObject({ kind: 'usage' });
  expect(emulator().emulator.requests).toHaveLength(0);

  const controller = new AbortController();
  const upload = client.files.upload(new Blob([ONE_PIXEL_PNG], { type: 'image/png' }), {
    signal: controller.signal,
    onProgress: () => controller.abort(),
  });
  await expect(upload).rejects.toBeInstanceOf(AbortError);
  expect(emulator().emulator.stats.filesUploaded).toBe(0);
});
