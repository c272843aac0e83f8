import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEmulator } from './emulator.js';
import { BASE, create, expectApiError, FAST, get, MODEL, post } from './test-helpers.js';

const emulator = createEmulator({ pacing: FAST });
const createWith = (body: unknown, headers?: Record<string, string>) =>
  post(emulator, '/v1beta/interactions', body, headers);

describe('malformed bodies', () => {
  it.each([
    ['broken JSON', '{"model": "x",', /Invalid JSON payload/],
    ['an empty body', '', /empty/],
    ['a JSON array', '[1, 2]', /JSON object/],
    ['a JSON string', '"hello"', /JSON object/],
  ])('answers %s with 400 INVALID_ARGUMENT', async (_name, body, message) => {
    await expectApiError(await createWith(body), 400, 'INVALID_ARGUMENT', message);
  });

  it('refuses a body that is not UTF-8', async () => {
    const response = await emulator.fetch(
      new Request(`${BASE}/v1beta/interactions`, {
        method: 'POST',
        body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
      }),
    );
    await expectApiError(response, 400, 'INVALID_ARGUMENT', /UTF-8/);
  });
});

describe('required fields and types', () => {
  it.each([
    ['no model', { input: 'hi' }, /'model'/],
    ['no input', { model: MODEL }, /'input'/],
    ['an empty model', { model: ' ', input: 'hi' }, /'model'/],
    ['an empty input', { model: MODEL, input: '' }, /input text is empty/],
    ['an empty input list', { model: MODEL, input: [] }, /input list is empty/],
    ['input as a number', { model: MODEL, input: 42 }, /'input'.*number 42/],
    ['model as a number', { model: 7, input: 'hi' }, /'model'.*a string/],
    [
      'temperature as a string',
      { model: MODEL, input: 'hi', generation_config: { temperature: 'hot' } },
      /generation_config\.temperature/,
    ],
    [
      'temperature out of range',
      { model: MODEL, input: 'hi', generation_config: { temperature: 3 } },
      /<= 2/,
    ],
    ['top_p out of range', { model: MODEL, input: 'hi', generation_config: { top_p: 1.5 } }, /top_p/],
    [
      'a fractional max_output_tokens',
      { model: MODEL, input: 'hi', generation_config: { max_output_tokens: 1.5 } },
      /integer/,
    ],
    [
      'an unknown thinking_level',
      { model: MODEL, input: 'hi', generation_config: { thinking_level: 'extreme' } },
      /thinking_level/,
    ],
    [
      'too many stop sequences',
      { model: MODEL, input: 'hi', generation_config: { stop_sequences: ['a', 'b', 'c', 'd', 'e', 'f'] } },
      /at most 5/,
    ],
    [
      'an unknown generation_config field',
      { model: MODEL, input: 'hi', generation_config: { temprature: 1 } },
      /Unknown name "temprature"/,
    ],
    [
      'an unknown top-level field',
      { model: MODEL, input: 'hi', sistem_instruction: 'x' },
      /Unknown name "sistem_instruction"/,
    ],
    ['stream as a string', { model: MODEL, input: 'hi', stream: 'yes' }, /'stream'.*boolean/],
    [
      'system_instruction as an object',
      { model: MODEL, input: 'hi', system_instruction: { text: 'x' } },
      /system_instruction/,
    ],
    ['an agent', { agent: 'deep-research', input: 'hi' }, /agent/],
    ['background without store', { model: MODEL, input: 'hi', background: true, store: false }, /background/],
    [
      'a function tool without a name',
      { model: MODEL, input: 'hi', tools: [{ type: 'function' }] },
      /tools\[0\]\.name/,
    ],
  ])('answers %s with 400', async (_name, body, message) => {
    await expectApiError(await createWith(body), 400, 'INVALID_ARGUMENT', message);
  });
});

describe('content and steps', () => {
  const withInput = (input: unknown) => createWith({ model: MODEL, input });

  it.each([
    ['an unknown content type', [{ type: 'hologram' }], /input\[0\]\.type/],
    ['text without text', [{ type: 'text' }], /input\[0\]\.text/],
    [
      'media with both uri and data',
      [{ type: 'image', uri: 'https://x/y.png', data: 'AAAA', mime_type: 'image/png' }],
      /exactly one/,
    ],
    ['media with neither uri nor data', [{ type: 'image', mime_type: 'image/png' }], /exactly one/],
    ['data that is not base64', [{ type: 'image', data: 'not base64!!', mime_type: 'image/png' }], /base64/],
    ['inline data without a mime type', [{ type: 'image', data: 'iVBORw0KGgo=' }], /mime_type/],
    ['an unknown field in content', [{ type: 'text', text: 'hi', colour: 'red' }], /Unknown name "colour"/],
    [
      'a step of unknown type',
      [{ type: 'user_input', content: [{ type: 'text', text: 'hi' }] }, { type: 'mystery_step' }],
      /unknown step type "mystery_step"/,
    ],
    ['a step whose content is not a list', [{ type: 'user_input', content: 'hi' }], /input\[0\]\.content/],
    [
      'a function_call step without a name',
      [{ type: 'function_call', id: 'c1', arguments: {} }],
      /input\[0\]\.name/,
    ],
    ['a function_result without a call_id', [{ type: 'function_result', result: 'ok' }], /call_id/],
    [
      'steps mixed with content',
      [
        { type: 'user_input', content: [] },
        { type: 'text', text: 'hi' },
      ],
      /mixes/,
    ],
    [
      'content mixed with steps',
      [
        { type: 'text', text: 'hi' },
        { type: 'user_input', content: [] },
      ],
      /mixes/,
    ],
  ])('answers %s with 400', async (_name, input, message) => {
    await expectApiError(await withInput(input), 400, 'INVALID_ARGUMENT', message);
  });

  it('answers a file uri the emulator never stored with 400', async () => {
    const response = await withInput([
      { type: 'text', text: 'look' },
      { type: 'image', uri: `${BASE}/v1beta/files/doesnotexist`, mime_type: 'image/png' },
    ]);
    await expectApiError(response, 400, 'INVALID_ARGUMENT', /files\/doesnotexist.*not found/);
  });

  it('accepts a single content block and uris that are not Files API references', async () => {
    const one = await create(emulator, { input: { type: 'text', text: 'just one block' } });
    expect(one.status).toBe('completed');
    const external = await create(emulator, {
      input: [
        { type: 'text', text: 'a video' },
        { type: 'video', uri: 'https://www.youtube.com/watch?v=abc', mime_type: 'video/mp4' },
      ],
    });
    expect(external.status).toBe('completed');
  });
});

describe('models', () => {
  it('answers an unknown model with 404 NOT_FOUND, like the API', async () => {
    await expectApiError(
      await createWith({ model: 'gemini-0-ultra', input: 'hi' }),
      404,
      'NOT_FOUND',
      /models\/gemini-0-ultra/,
    );
  });

  it('accepts the models/ prefix and models added by option', async () => {
    expect((await create(emulator, { model: `models/${MODEL}`, input: 'hi' })).model).toBe(`models/${MODEL}`);
    const custom = createEmulator({ models: ['my-tuned-model'], pacing: FAST });
    expect((await create(custom, { model: 'my-tuned-model', input: 'hi' })).status).toBe('completed');
  });
});

describe('size limit', () => {
  const small = createEmulator({ maxBodyBytes: 1000, pacing: FAST });
  const big = JSON.stringify({ model: MODEL, input: 'x'.repeat(2000) });

  it('answers a body over the limit with 413 (declared length)', async () => {
    const response = await post(small, '/v1beta/interactions', big);
    await expectApiError(response, 413, 'INVALID_ARGUMENT', /exceeds the limit: 1000 bytes/);
  });

  it('answers a streamed body over the limit with 413 without buffering it all', async () => {
    const bytes = new TextEncoder().encode(big);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 100) controller.enqueue(bytes.slice(i, i + 100));
        controller.close();
      },
    });
    const response = await small.fetch(
      new Request(`${BASE}/v1beta/interactions`, { method: 'POST', body, duplex: 'half' } as RequestInit),
    );
    await expectApiError(response, 413, 'INVALID_ARGUMENT');
  });
});

describe('routing', () => {
  it('answers an unknown interaction id with 404 on get, delete and cancel', async () => {
    await expectApiError(
      await get(emulator, '/v1beta/interactions/nope'),
      404,
      'NOT_FOUND',
      /'nope' not found/,
    );
    const del = await emulator.fetch(new Request(`${BASE}/v1beta/interactions/nope`, { method: 'DELETE' }));
    await expectApiError(del, 404, 'NOT_FOUND');
    await expectApiError(await post(emulator, '/v1beta/interactions/nope/cancel', {}), 404, 'NOT_FOUND');
  });

  it('answers a wrong method with 405 and an Allow header', async () => {
    const put = await emulator.fetch(
      new Request(`${BASE}/v1beta/interactions`, { method: 'PUT', body: '{}' }),
    );
    expect(put.headers.get('allow')).toBe('POST');
    await expectApiError(put, 405, 'INVALID_ARGUMENT', /PUT is not allowed/);
    await expectApiError(await get(emulator, '/v1beta/interactions'), 405, 'INVALID_ARGUMENT');
  });

  it('answers an unknown path with 404', async () => {
    await expectApiError(await get(emulator, '/v1/models'), 404, 'NOT_FOUND', /\/v1\/models not found/);
  });

  it('serves under a base path when configured', async () => {
    const prefixed = createEmulator({ basePath: '/gemini', pacing: FAST });
    const ok = await post(prefixed, '/gemini/v1beta/interactions', { model: MODEL, input: 'hi' });
    expect(ok.status).toBe(200);
    await expectApiError(
      await post(prefixed, '/v1beta/interactions', { model: MODEL, input: 'hi' }),
      404,
      'NOT_FOUND',
    );
  });

  it('answers CORS preflights and marks responses readable cross-origin', async () => {
    const preflight = await emulator.fetch(
      new Request(`${BASE}/v1beta/interactions`, {
        method: 'OPTIONS',
        headers: { 'access-control-request-headers': 'content-type, x-goog-api-key' },
      }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type, x-goog-api-key');
    expect(
      (await get(emulator, '/v1beta/interactions/nope')).headers.get('access-control-allow-origin'),
    ).toBe('*');
  });
});

describe('revision and credentials', () => {
  it('refuses an Api-Revision other than 2026-05-20, saying which one is supported', async () => {
    const old = await createWith({ model: MODEL, input: 'hi' }, { 'api-revision': '2025-01-01' });
    await expectApiError(old, 400, 'INVALID_ARGUMENT', /'2025-01-01' is not supported.*2026-05-20/);
    expect((await createWith({ model: MODEL, input: 'hi' }, { 'api-revision': '2026-05-20' })).status).toBe(
      200,
    );
  });

  it('requires the configured API key, from the header or ?key=', async () => {
    const locked = createEmulator({ apiKey: 'sekret', pacing: FAST });
    const body = { model: MODEL, input: 'hi' };
    await expectApiError(
      await post(locked, '/v1beta/interactions', body),
      401,
      'UNAUTHENTICATED',
      /missing an API key/,
    );
    await expectApiError(
      await post(locked, '/v1beta/interactions', body, { 'x-goog-api-key': 'wrong' }),
      401,
      'UNAUTHENTICATED',
      /not valid/,
    );
    expect((await post(locked, '/v1beta/interactions', body, { 'x-goog-api-key': 'sekret' })).status).toBe(
      200,
    );
    expect((await post(locked, '/v1beta/interactions?key=sekret', body)).status).toBe(200);
  });
});

describe('stateful references', () => {
  it('answers an unknown previous_interaction_id with 404', async () => {
    const response = await createWith({ model: MODEL, input: 'hi', previous_interaction_id: 'v1_missing' });
    await expectApiError(response, 404, 'NOT_FOUND', /v1_missing/);
  });

  it('explains that a store:false interaction can be neither read nor continued', async () => {
    const unstored = await create(emulator, { input: 'keep nothing', store: false });
    await expectApiError(
      await get(emulator, `/v1beta/interactions/${unstored.id}`),
      404,
      'NOT_FOUND',
      /store=false/,
    );
    const next = await createWith({ model: MODEL, input: 'and then?', previous_interaction_id: unstored.id });
    await expectApiError(next, 400, 'INVALID_ARGUMENT', /store=false.*input steps/);
  });

  it('refuses a last_event_id of another interaction, or without stream=true', async () => {
    const a = await create(emulator, { input: 'a' });
    const b = await create(emulator, { input: 'b' });
    const events = await (await get(emulator, `/v1beta/interactions/${a.id}?stream=true`)).text();
    const firstId = /"event_id":"([^"]+)"/.exec(events)?.[1] as string;
    await expectApiError(
      await get(emulator, `/v1beta/interactions/${b.id}?stream=true&last_event_id=${firstId}`),
      400,
      'INVALID_ARGUMENT',
      /not an event of/,
    );
    await expectApiError(
      await get(emulator, `/v1beta/interactions/${a.id}?last_event_id=${firstId}`),
      400,
      'INVALID_ARGUMENT',
      /stream=true/,
    );
    await expectApiError(
      await get(emulator, `/v1beta/interactions/${a.id}?include_input=maybe`),
      400,
      'INVALID_ARGUMENT',
      /include_input/,
    );
  });
});

describe('robustness', () => {
  it('answers any JSON body with 200 or a 4xx in the API error shape, never a 5xx', async () => {
    const fuzz = createEmulator({ pacing: { chunkSize: 4096, delayMs: 0 }, requestLogLimit: 0 });
    const body = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          model: fc.oneof(fc.constant(MODEL), fc.jsonValue()),
          input: fc.oneof(
            fc.string(),
            fc.jsonValue(),
            fc.array(
              fc.record({
                type: fc.constantFrom('text', 'image', 'user_input', 'thought'),
                text: fc.jsonValue(),
              }),
            ),
          ),
          generation_config: fc.dictionary(
            fc.constantFrom('temperature', 'seed', 'stop_sequences', 'thinking_level'),
            fc.jsonValue(),
          ),
          store: fc.jsonValue(),
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(body, async (value) => {
        const response = await post(fuzz, '/v1beta/interactions', JSON.stringify(value));
        if (response.status === 200) return;
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        const error = (await response.json()) as { error: { code: number; message: string; status: string } };
        expect(error.error.code).toBe(response.status);
        expect(error.error.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
