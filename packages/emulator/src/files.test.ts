import type { GeminiFile } from '@gemkit/core';
import { describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from './emulator.js';
import { answerText, BASE, create, expectApiError, FAST, get } from './test-helpers.js';

const ORIGIN = 'http://files.test:9999';

function start(
  emulator: Emulator,
  headers: Record<string, string> = {},
  body: unknown = { file: { displayName: 'cat' } },
) {
  return emulator.fetch(
    new Request(`${ORIGIN}/upload/v1beta/files`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-goog-upload-protocol': 'resumable',
        'x-goog-upload-command': 'start',
        'x-goog-upload-header-content-length': '10',
        'x-goog-upload-header-content-type': 'image/png',
        ...headers,
      },
      body: JSON.stringify(body),
    }),
  );
}

function send(url: string, command: string, offset: number, bytes: Uint8Array, emulator: Emulator) {
  return emulator.fetch(
    new Request(url, {
      method: 'POST',
      headers: { 'x-goog-upload-command': command, 'x-goog-upload-offset': String(offset) },
      body: bytes as Uint8Array<ArrayBuffer>,
    }),
  );
}

const bytes = (n: number, fill = 7) => new Uint8Array(n).fill(fill);

async function uploadUrl(
  emulator: Emulator,
  headers?: Record<string, string>,
  body?: unknown,
): Promise<string> {
  const response = await start(emulator, headers, body);
  expect(response.status).toBe(200);
  expect(response.headers.get('x-goog-upload-status')).toBe('active');
  return response.headers.get('x-goog-upload-url') as string;
}

/** A whole upload in one chunk: 10 bytes of image/png. */
async function uploadTenBytes(emulator: Emulator): Promise<GeminiFile> {
  const url = await uploadUrl(emulator);
  return (
    (await (await send(url, 'upload, finalize', 0, bytes(10), emulator)).json()) as { file: GeminiFile }
  ).file;
}

describe('resumable upload', () => {
  it('answers start with an absolute upload URL on the request origin, then takes chunks until finalize', async () => {
    const emulator = createEmulator({ pacing: FAST });
    const url = await uploadUrl(emulator);
    expect(url).toMatch(
      /^http:\/\/files\.test:9999\/upload\/v1beta\/files\?upload_id=[^&]+&upload_protocol=resumable$/,
    );
    const first = await send(url, 'upload', 0, bytes(6), emulator);
    expect(first.headers.get('x-goog-upload-status')).toBe('active');
    const query = await send(url, 'query', 0, bytes(0), emulator);
    expect(query.headers.get('x-goog-upload-size-received')).toBe('6');
    const last = await send(url, 'upload, finalize', 6, bytes(4), emulator);
    expect(last.headers.get('x-goog-upload-status')).toBe('final');
    const { file } = (await last.json()) as { file: GeminiFile };
    expect(file).toMatchObject({
      displayName: 'cat',
      mimeType: 'image/png',
      sizeBytes: '10',
      state: 'ACTIVE',
      source: 'UPLOADED',
      uri: `${ORIGIN}/v1beta/${file.name}`,
    });
    expect(file.name).toMatch(/^files\/[a-z0-9]+$/);
    expect(file.sha256Hash).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(emulator.stats.filesUploaded).toBe(1);

    expect(await (await get(emulator, `/v1beta/${file.name}`)).json()).toEqual(file);
    expect(await (await get(emulator, '/v1beta/files')).json()).toEqual({ files: [file] });
    const deleted = await emulator.fetch(new Request(`${BASE}/v1beta/${file.name}`, { method: 'DELETE' }));
    expect(await deleted.json()).toEqual({});
    await expectApiError(await get(emulator, `/v1beta/${file.name}`), 404, 'NOT_FOUND', /not found/);
    await expectApiError(
      await send(url, 'upload', 10, bytes(1), emulator),
      404,
      'NOT_FOUND',
      /finalized, cancelled/,
    );
  });

  it('lets the client choose the file name, once', async () => {
    const emulator = createEmulator();
    const url = await uploadUrl(emulator, {}, { file: { name: 'files/my-cat' } });
    const { file } = (await (await send(url, 'upload, finalize', 0, bytes(10), emulator)).json()) as {
      file: GeminiFile;
    };
    expect(file.name).toBe('files/my-cat');
    await expectApiError(await start(emulator, {}, { file: { name: 'my-cat' } }), 409, 'ALREADY_EXISTS');
    await expectApiError(
      await start(emulator, {}, { file: { name: 'Bad Name!' } }),
      400,
      'INVALID_ARGUMENT',
      /Invalid file name/,
    );
  });

  it('cancels an upload', async () => {
    const emulator = createEmulator();
    const url = await uploadUrl(emulator);
    expect((await send(url, 'cancel', 0, bytes(0), emulator)).headers.get('x-goog-upload-status')).toBe(
      'cancelled',
    );
    await expectApiError(await send(url, 'upload, finalize', 0, bytes(10), emulator), 404, 'NOT_FOUND');
  });

  it.each([
    ['a missing protocol header', { 'x-goog-upload-protocol': '' }, /resumable/],
    ['a missing mime type', { 'x-goog-upload-header-content-type': '' }, /MIME type/],
    ['a bad declared length', { 'x-goog-upload-header-content-length': 'ten' }, /Content-Length/],
  ])('refuses a start with %s', async (_name, headers, message) => {
    const emulator = createEmulator();
    const cleaned = Object.fromEntries(Object.entries(headers));
    const response = await emulator.fetch(
      new Request(`${ORIGIN}/upload/v1beta/files`, {
        method: 'POST',
        headers: Object.fromEntries(
          Object.entries({
            'x-goog-upload-protocol': 'resumable',
            'x-goog-upload-command': 'start',
            'x-goog-upload-header-content-type': 'image/png',
            ...cleaned,
          }).filter(([, v]) => v !== ''),
        ),
      }),
    );
    await expectApiError(response, 400, 'INVALID_ARGUMENT', message);
  });

  it('refuses chunks at the wrong offset, a size that does not match, and files over the limit', async () => {
    const emulator = createEmulator({ maxFileBytes: 20 });
    const url = await uploadUrl(emulator);
    await expectApiError(
      await send(url, 'upload', 3, bytes(2), emulator),
      400,
      'INVALID_ARGUMENT',
      /does not match the 0 bytes/,
    );
    await expectApiError(
      await send(url, 'upload, finalize', 0, bytes(4), emulator),
      400,
      'INVALID_ARGUMENT',
      /declared 10 bytes but 4/,
    );
    await expectApiError(
      await start(emulator, { 'x-goog-upload-header-content-length': '21' }),
      413,
      'INVALID_ARGUMENT',
    );
    const undeclared = await uploadUrl(emulator, { 'x-goog-upload-header-content-length': '' });
    await expectApiError(await send(undeclared, 'upload', 0, bytes(21), emulator), 413, 'INVALID_ARGUMENT');
  });
});

describe('files as input', () => {
  it('resolves an uploaded file by uri or by name, with its stored mime type', async () => {
    const emulator = createEmulator({ pacing: FAST });
    const file = await uploadTenBytes(emulator);
    const byUri = await create(emulator, {
      input: [
        { type: 'text', text: 'see' },
        { type: 'image', uri: file.uri },
      ],
    });
    expect(answerText(byUri)).toMatch(
      new RegExp(`\\| 1 \\| image \\| image/png \\| ${file.name} \\| 10 bytes \\|`),
    );
    const byName = await create(emulator, {
      input: [{ type: 'image', uri: file.name, mime_type: 'image/png' }],
    });
    expect(byName.status).toBe('completed');
  });

  it('keeps earlier turns working after their file is deleted, but refuses it in new input', async () => {
    const emulator = createEmulator({ pacing: FAST });
    const file = await uploadTenBytes(emulator);
    const first = await create(emulator, {
      input: [
        { type: 'text', text: 'keep' },
        { type: 'image', uri: file.uri },
      ],
    });
    await emulator.fetch(new Request(`${BASE}/v1beta/${file.name}`, { method: 'DELETE' }));
    expect((await create(emulator, { input: 'and now?', previous_interaction_id: first.id })).status).toBe(
      'completed',
    );
    const again = await emulator.fetch(
      new Request(`${BASE}/v1beta/interactions`, {
        method: 'POST',
        body: JSON.stringify({ model: 'gemini-3-flash-preview', input: [{ type: 'image', uri: file.uri }] }),
      }),
    );
    await expectApiError(again, 400, 'INVALID_ARGUMENT', /not found/);
  });
});
