/**
 * Every policy rule of the route, over real HTTP, each with the status it must give; refused requests
 * never reach the upstream (the emulator's request counter does not move).
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ResponseTranscript,
  type RouteUnderTest,
  SERVER_KEY,
  serveRoute,
  startStack,
} from './test-support/harness.js';

const MODEL = 'gemini-3-flash-preview';
const transcript = new ResponseTranscript();
let stack: Awaited<ReturnType<typeof startStack>>;
/** The same emulator behind a route with tight limits and no rate limit. */
let tight: RouteUnderTest;

beforeAll(async () => {
  stack = await startStack({ rateLimit: false, allowedOrigins: ['https://partner.example'] }, transcript);
  tight = await serveRoute(
    {
      upstream: stack.emulator.url,
      apiKey: SERVER_KEY,
      rateLimit: false,
      maxJsonBytes: 2_048,
      maxUploadBytes: 4_096,
      bodyTimeoutMs: 300,
      maxOutputTokens: 100,
    },
    transcript,
  );
});
afterAll(async () => {
  await tight?.close();
  await stack?.close();
  expect(transcript.responses).toBeGreaterThan(20);
  expect(transcript.contains(SERVER_KEY)).toBe(false);
});

const upstreamRequests = () => stack.emulator.emulator.stats.requests;

function post(base: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function expectApiError(response: Response, status: number, apiStatus: string) {
  expect(response.status).toBe(status);
  const body = (await response.json()) as { error: { code: number; status: string; message: string } };
  expect(body.error.code).toBe(status);
  expect(body.error.status).toBe(apiStatus);
  expect(body.error.message.length).toBeGreaterThan(0);
}

/** A request with the path exactly as written (fetch would normalise `..` and `%2e` before sending). */
function raw(
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string; endBody?: boolean } = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const { hostname, port } = new URL(stack.route.origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, method, path, headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    if (options.endBody !== false) req.end();
  });
}

describe('no open proxy: only the API paths are forwarded', () => {
  it.each([
    ['GET', '/api/gemini/v1beta/models'],
    ['POST', '/api/gemini/v1beta/models/gemini-3-flash-preview:generateContent'],
    ['GET', '/api/gemini/../v1beta/models'],
    ['GET', '/api/gemini/v1beta/interactions/../../v1beta/models'],
    ['GET', '/api/gemini/v1beta/interactions/%2e%2e/%2e%2e/v1beta/models'],
    ['GET', '/api/gemini/v1beta/interactions/%2E%2E%2F%2E%2E%2Fv1beta%2Fmodels'],
    ['GET', '/api/gemini/v1beta/files/..%2f..%2fv1beta%2fmodels'],
    ['GET', '/api/gemini/v1beta/interactions/abc%2fcancel'],
    ['GET', '/api/gemini/https://evil.example/v1beta/interactions/abc'],
    ['GET', '/api/gemini//evil.example/v1beta/interactions/abc'],
    ['GET', 'http://evil.example/api/gemini/v1beta/interactions/abc'],
    ['GET', '/api/gemini/v1beta/files'],
    ['GET', '/api/gemini/v1beta/operations/abc'],
    ['GET', '/v1beta/interactions/abc'],
  ])('%s %s → 404', async (method, path) => {
    const before = upstreamRequests();
    const response = await raw(method, path);
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: 404, status: 'NOT_FOUND' } });
    expect(upstreamRequests()).toBe(before);
  });

  it('a path just served for one method is still refused for another (what the route keeps of URLs is per method)', async () => {
    const url = `${stack.route.baseUrl}/v1beta/interactions`;
    const created = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: MODEL, input: 'kept' }),
    });
    expect(created.status).toBe(200);
    await created.body?.cancel();
    const before = upstreamRequests();
    const response = await fetch(url);
    expect(response.headers.get('allow')).toBe('POST');
    await expectApiError(response, 405, 'INVALID_ARGUMENT');
    expect(upstreamRequests()).toBe(before);
  });

  it('a known path with another method → 405 with Allow', async () => {
    const response = await fetch(`${stack.route.baseUrl}/v1beta/interactions/abc`, { method: 'PUT' });
    expect(response.headers.get('allow')).toBe('GET, DELETE');
    await expectApiError(response, 405, 'INVALID_ARGUMENT');
  });
});

describe('credentials', () => {
  it("strips the client's key, Authorization, cookies and ?key=, and sends the server's key", async () => {
    const response = await post(
      stack.route.baseUrl,
      '/v1beta/interactions?key=client-key&alt=json',
      { model: MODEL, input: 'creds' },
      { 'x-goog-api-key': 'client-key', authorization: 'Bearer client-token', cookie: 'session=abc' },
    );
    // The emulator demands the server's key: a 200 proves it was added in place of the client's.
    expect(response.status).toBe(200);
    const seen = stack.emulator.emulator.requests.at(-1);
    expect(seen?.path).toBe('/v1beta/interactions');
    expect(Object.keys(seen?.headers ?? {})).not.toContain('authorization');
    expect(Object.keys(seen?.headers ?? {})).not.toContain('cookie');
    expect(seen?.query).toEqual({ alt: 'json' });
  });
});

describe('cross-origin browser requests', () => {
  it('refuses another site with 403 (Origin, or Sec-Fetch-Site)', async () => {
    const before = upstreamRequests();
    await expectApiError(
      await post(
        stack.route.baseUrl,
        '/v1beta/interactions',
        { model: MODEL, input: 'x' },
        { origin: 'https://evil.example' },
      ),
      403,
      'PERMISSION_DENIED',
    );
    await expectApiError(
      await fetch(`${stack.route.baseUrl}/v1beta/interactions/abc`, {
        headers: { 'sec-fetch-site': 'cross-site' },
      }),
      403,
      'PERMISSION_DENIED',
    );
    expect(upstreamRequests()).toBe(before);
  });

  it('lets the same origin through', async () => {
    const response = await post(
      stack.route.baseUrl,
      '/v1beta/interactions',
      { model: MODEL, input: 'same' },
      { origin: stack.route.origin, 'sec-fetch-site': 'same-origin' },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets an allowed origin through with CORS headers, and answers its preflight', async () => {
    const partner = { origin: 'https://partner.example', 'sec-fetch-site': 'cross-site' };
    const preflight = await fetch(`${stack.route.baseUrl}/v1beta/interactions`, {
      method: 'OPTIONS',
      headers: {
        ...partner,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://partner.example');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type');
    const response = await post(
      stack.route.baseUrl,
      '/v1beta/interactions',
      { model: MODEL, input: 'cors' },
      partner,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://partner.example');
    expect(response.headers.get('access-control-expose-headers')).toContain('x-goog-upload-url');
  });

  it("refuses another site's preflight with 403", async () => {
    const response = await fetch(`${stack.route.baseUrl}/v1beta/interactions`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(response.status).toBe(403);
  });
});

describe('request bodies are checked before anything is forwarded', () => {
  it.each([
    ['malformed JSON', '{"model": "gemini-3-flash-preview",', 'application/json', 400, 'INVALID_ARGUMENT'],
    ['a JSON array', '[]', 'application/json', 400, 'INVALID_ARGUMENT'],
    ['no model', '{"input":"hi"}', 'application/json', 400, 'INVALID_ARGUMENT'],
    [
      'a model off the allowlist',
      '{"model":"gemini-4-carbon","input":"hi"}',
      'application/json',
      403,
      'PERMISSION_DENIED',
    ],
    ['an agent', '{"agent":"deep-research-pro","input":"hi"}', 'application/json', 403, 'PERMISSION_DENIED'],
    ['text/plain', '{"model":"gemini-3-flash-preview"}', 'text/plain', 415, 'INVALID_ARGUMENT'],
    [
      'too many output tokens',
      '{"model":"gemini-3-flash-preview","generation_config":{"max_output_tokens":101}}',
      'application/json',
      400,
      'INVALID_ARGUMENT',
    ],
    [
      'an oversized body',
      JSON.stringify({ model: MODEL, input: 'x'.repeat(3_000) }),
      'application/json',
      413,
      'INVALID_ARGUMENT',
    ],
  ])('%s → %i', async (_name, body, contentType, status, apiStatus) => {
    const before = upstreamRequests();
    await expectApiError(
      await post(tight.baseUrl, '/v1beta/interactions', body, { 'content-type': contentType }),
      status,
      apiStatus,
    );
    expect(upstreamRequests()).toBe(before);
  });

  it('sends the output-token cap when the client leaves it out', async () => {
    const response = await post(tight.baseUrl, '/v1beta/interactions', { model: MODEL, input: 'cap me' });
    expect(response.status).toBe(200);
    const seen = stack.emulator.emulator.requests.at(-1)?.body as {
      generation_config?: { max_output_tokens?: number };
    };
    expect(seen.generation_config?.max_output_tokens).toBe(100);
  });

  it('answers a body that does not arrive in time (slow loris) with 408', async () => {
    const before = upstreamRequests();
    const slow = await rawTo(tight.origin, 'POST', '/api/gemini/v1beta/interactions', '{"model":');
    expect(slow.status).toBe(408);
    expect(JSON.parse(slow.body)).toMatchObject({ error: { code: 408, status: 'DEADLINE_EXCEEDED' } });
    expect(upstreamRequests()).toBe(before);
  });
});

/** Sends headers and the start of a body, then nothing: the server must answer (and hang up) by itself. */
function rawTo(origin: string, method: string, path: string, partialBody: string) {
  const { hostname, port } = new URL(origin);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(
      {
        host: hostname,
        port,
        method,
        path,
        headers: { 'content-type': 'application/json', 'content-length': '500' },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.write(partialBody);
  });
}

describe('uploads', () => {
  const start = (base: string, size: number) =>
    fetch(`${base}/upload/v1beta/files`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-goog-upload-protocol': 'resumable',
        'x-goog-upload-command': 'start',
        'x-goog-upload-header-content-length': String(size),
        'x-goog-upload-header-content-type': 'text/plain',
      },
      body: JSON.stringify({ file: { displayName: 'notes.txt' } }),
    });

  it('rewrites the upload URL so the bytes come through the route too', async () => {
    const response = await start(stack.route.baseUrl, 5);
    expect(response.status).toBe(200);
    const uploadUrl = response.headers.get('x-goog-upload-url') as string;
    expect(uploadUrl.startsWith(`${stack.route.baseUrl}/upload/v1beta/files?upload_id=`)).toBe(true);
    const done = await fetch(uploadUrl, {
      method: 'POST',
      headers: { 'x-goog-upload-command': 'upload, finalize', 'x-goog-upload-offset': '0' },
      body: 'hello',
    });
    expect(done.headers.get('x-goog-upload-status')).toBe('final');
    expect(((await done.json()) as { file: { sizeBytes: string } }).file.sizeBytes).toBe('5');
  });

  it('refuses a declared size over the upload limit with 413', async () => {
    const before = upstreamRequests();
    await expectApiError(await start(tight.baseUrl, 5_000), 413, 'INVALID_ARGUMENT');
    expect(upstreamRequests()).toBe(before);
  });

  it('refuses more bytes than the upload limit with 413, even without a Content-Length', async () => {
    const response = await start(tight.baseUrl, 4_000);
    const uploadUrl = response.headers.get('x-goog-upload-url') as string;
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(new Uint8Array(1_000));
        controller.close();
      },
    });
    const tooMuch = await fetch(uploadUrl, {
      method: 'POST',
      headers: { 'x-goog-upload-command': 'upload, finalize', 'x-goog-upload-offset': '0' },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    await expectApiError(tooMuch, 413, 'INVALID_ARGUMENT');
  });

  it('refuses the non-resumable protocols with 400', async () => {
    const response = await fetch(`${stack.route.baseUrl}/upload/v1beta/files`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-goog-upload-protocol': 'multipart' },
      body: '{}',
    });
    await expectApiError(response, 400, 'INVALID_ARGUMENT');
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After past the burst, per client as `identify` says', async () => {
    const limited = await serveRoute(
      {
        upstream: stack.emulator.url,
        apiKey: SERVER_KEY,
        rateLimit: { capacity: 3, refillPerMinute: 1 },
        identify: (request) => request.headers.get('x-client') ?? undefined,
      },
      transcript,
    );
    try {
      const get = (client: string) =>
        fetch(`${limited.baseUrl}/v1beta/interactions/v1_none`, { headers: { 'x-client': client } });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await get('a')).status);
      expect(statuses).toEqual([404, 404, 404, 429]); // 404: the upstream's answer for an unknown id
      const refused = await get('a');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      await expectApiError(refused, 429, 'RESOURCE_EXHAUSTED');
      expect((await get('b')).status).toBe(404); // another client has its own bucket
    } finally {
      await limited.close();
    }
  });
});

describe('authorize', () => {
  it('answers 401 when it says false, and returns its own Response as it is', async () => {
    const guarded = await serveRoute(
      {
        upstream: stack.emulator.url,
        apiKey: SERVER_KEY,
        authorize: (request) => {
          const token = request.headers.get('x-token');
          if (token === 'teapot') return new Response('custom refusal', { status: 418 });
          return token === 'good';
        },
      },
      transcript,
    );
    try {
      const create = (token?: string) =>
        post(
          guarded.baseUrl,
          '/v1beta/interactions',
          { model: MODEL, input: 'auth' },
          token ? { 'x-token': token } : {},
        );
      await expectApiError(await create(), 401, 'UNAUTHENTICATED');
      const teapot = await create('teapot');
      expect(teapot.status).toBe(418);
      expect(await teapot.text()).toBe('custom refusal');
      expect((await create('good')).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});

describe('upstream failures', () => {
  it("passes the upstream's errors on in the API shape, with Retry-After", async () => {
    stack.emulator.emulator.injectFault({ type: 'status', status: 429, retryAfterSeconds: 7 });
    const response = await post(stack.route.baseUrl, '/v1beta/interactions', {
      model: MODEL,
      input: 'fault',
    });
    expect(response.headers.get('retry-after')).toBe('7');
    await expectApiError(response, 429, 'RESOURCE_EXHAUSTED');
  });

  it('answers 502 when the upstream cannot be reached, without saying where it is', async () => {
    const nowhere = await serveRoute(
      { upstream: 'http://127.0.0.1:9', apiKey: SERVER_KEY, rateLimit: false },
      transcript,
    );
    try {
      const response = await post(nowhere.baseUrl, '/v1beta/interactions', { model: MODEL, input: 'x' });
      expect(response.status).toBe(502);
      const text = await response.text();
      expect(text).not.toContain('127.0.0.1:9');
      expect(JSON.parse(text)).toMatchObject({ error: { code: 502, status: 'UNAVAILABLE' } });
    } finally {
      await nowhere.close();
    }
  });
});
