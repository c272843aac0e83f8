/**
 * The route's own HTTP client for network upstreams (node:http with keep-alive, not fetch), over real
 * sockets: what it must keep doing as fetch did, and what it does differently on purpose.
 */
import { createServer as createHttpServer } from 'node:http';
import { connect, createServer, type Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { startEmulatorServer } from '@gemkit/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { createGeminiRoute } from './route.js';
import { ResponseTranscript, SERVER_KEY, serveRoute } from './test-support/harness.js';
import { eventually, listen, type TestServer } from './test-support/http.js';

const MODEL = 'gemini-3-flash-preview';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A TCP relay to `port` that counts the connections made through it. */
async function countingProxy(port: number): Promise<{ url: string; connections: () => number }> {
  let connections = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    connections++;
    const upstream = connect(port, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {});
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  const { port: own } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${own}`, connections: () => connections };
}

async function routeTo(upstream: string) {
  const served = await serveRoute(
    { upstream, apiKey: SERVER_KEY, rateLimit: false },
    new ResponseTranscript(),
  );
  cleanups.push(() => served.close());
  return served;
}

async function upstreamServer(listener: Parameters<typeof listen>[0]): Promise<TestServer> {
  const server = await listen(listener);
  cleanups.push(() => server.close());
  return server;
}

/** An upstream that starts a stream, then drops the connection mid-answer. */
function cuttingUpstream(): Promise<TestServer> {
  return upstreamServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write('event: interaction.created\ndata: {"event_type":"interaction.created"}\n\n');
    setTimeout(() => res.socket?.destroy(), 20);
  });
}

async function streamedCreate(baseUrl: string, input: string): Promise<string> {
  const response = await fetch(`${baseUrl}/v1beta/interactions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: MODEL, input, stream: true }),
  });
  expect(response.status).toBe(200);
  return response.text();
}

describe('the route calling a network upstream', () => {
  it('reuses one kept-alive connection for requests one after another', async () => {
    const emulator = await startEmulatorServer({ port: 0, apiKey: SERVER_KEY });
    cleanups.push(() => emulator.close());
    const proxy = await countingProxy(Number(new URL(emulator.url).port));
    const route = await routeTo(proxy.url);

    for (let i = 0; i < 4; i++) {
      const text = await streamedCreate(route.baseUrl, `turn ${i} [emulator: echo]`);
      expect(text).toContain(`turn ${i}`);
      expect(text).toContain('interaction.completed');
    }
    const listed = await fetch(`${route.baseUrl}/v1beta/files/nothing-here`);
    expect(listed.status).toBe(404);
    expect(proxy.connections()).toBe(1);
  });

  it('opens more connections only for requests at the same time, and reuses them after', async () => {
    const emulator = await startEmulatorServer({ port: 0, apiKey: SERVER_KEY });
    cleanups.push(() => emulator.close());
    const proxy = await countingProxy(Number(new URL(emulator.url).port));
    const route = await routeTo(proxy.url);

    const first = await Promise.all(
      [1, 2, 3].map((i) => streamedCreate(route.baseUrl, `a${i} [emulator: echo]`)),
    );
    expect(first.every((text) => text.includes('interaction.completed'))).toBe(true);
    expect(proxy.connections()).toBe(3);
    await Promise.all([1, 2, 3].map((i) => streamedCreate(route.baseUrl, `b${i} [emulator: echo]`)));
    expect(proxy.connections()).toBe(3);
  });

  it("closes an idle connection itself, before the server's Keep-Alive timeout would", async () => {
    let closedByRoute = false;
    const upstream = await upstreamServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"name":"files/abc"}');
    });
    // Announced as `Keep-Alive: timeout=2`: the route must let go a second before, so that it never sends a
    // request on a connection the server is closing (which fails that request with "socket hang up").
    upstream.server.keepAliveTimeout = 2_500;
    upstream.server.on('connection', (socket) => socket.on('end', () => (closedByRoute = true)));
    const route = await routeTo(upstream.url);

    expect((await fetch(`${route.baseUrl}/v1beta/files/abc`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_800));
    expect(closedByRoute).toBe(true);
  });

  it('reaches an upstream named by an IPv6 address, under its path prefix, with the query kept', async () => {
    const seen: { url?: string; host?: string }[] = [];
    const upstream = createHttpServer((req, res) => {
      seen.push({ url: req.url, host: req.headers.host });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"abc","status":"completed"}');
    });
    await new Promise<void>((resolve) => upstream.listen(0, '::1', resolve));
    cleanups.push(() => new Promise((resolve) => upstream.close(() => resolve())));
    const { port } = upstream.address() as { port: number };
    const route = await routeTo(`http://[::1]:${port}/prefix/`);

    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${route.baseUrl}/v1beta/interactions/abc?include_input=true&key=x`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ id: 'abc', status: 'completed' });
    }
    expect(seen).toEqual([
      { url: '/prefix/v1beta/interactions/abc?include_input=true', host: `[::1]:${port}` },
      { url: '/prefix/v1beta/interactions/abc?include_input=true', host: `[::1]:${port}` },
    ]);
  });

  it('frames each body as sent: a length for one in hand, chunks for one streamed through, none for a DELETE', async () => {
    interface Seen {
      call: string;
      host?: string;
      length?: string;
      chunked: boolean;
      key?: string;
      body: string;
    }
    const seen: Seen[] = [];
    const upstream = await upstreamServer(async (req, res) => {
      let body = '';
      for await (const chunk of req) body += chunk;
      seen.push({
        call: `${req.method} ${req.url}`,
        host: req.headers.host,
        length: req.headers['content-length'],
        chunked: req.headers['transfer-encoding'] === 'chunked',
        key: req.headers['x-goog-api-key'] as string | undefined,
        body,
      });
      res.writeHead(200, { 'content-type': 'application/json', 'x-goog-upload-status': 'active' });
      res.end('{}');
    });
    const route = await routeTo(upstream.url);
    const host = new URL(upstream.url).host;
    const create = JSON.stringify({ model: MODEL, input: 'héllo' });

    const calls: [string, RequestInit][] = [
      [
        '/v1beta/interactions',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: create },
      ],
      ['/v1beta/interactions/abc/cancel', { method: 'POST' }],
      ['/v1beta/interactions/abc', { method: 'DELETE' }],
      [
        '/upload/v1beta/files?upload_id=u1',
        {
          method: 'POST',
          headers: { 'x-goog-upload-command': 'upload', 'x-goog-upload-offset': '0' },
          body: 'some bytes',
        },
      ],
    ];
    for (const [path, init] of calls) {
      const response = await fetch(`${route.baseUrl}${path}`, init);
      expect(response.status, path).toBe(200);
      await response.arrayBuffer();
    }
    const common = { host, key: SERVER_KEY };
    expect(seen).toEqual([
      {
        ...common,
        call: 'POST /v1beta/interactions',
        length: String(Buffer.byteLength(create)),
        chunked: false,
        body: create,
      },
      { ...common, call: 'POST /v1beta/interactions/abc/cancel', length: '0', chunked: false, body: '' },
      { ...common, call: 'DELETE /v1beta/interactions/abc', length: undefined, chunked: false, body: '' },
      {
        ...common,
        call: 'POST /upload/v1beta/files?upload_id=u1',
        length: undefined,
        chunked: true,
        body: 'some bytes',
      },
    ]);
  });

  it('closes the upstream request when the client leaves before the upstream has answered', async () => {
    let arrived = false;
    let upstreamClosed = false;
    const upstream = await upstreamServer((req) => {
      // Reads the request, then never answers.
      req.resume();
      arrived = true;
      req.socket.on('close', () => {
        upstreamClosed = true;
      });
    });
    const route = await routeTo(upstream.url);
    const leave = new AbortController();
    const sent = fetch(`${route.baseUrl}/v1beta/interactions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: MODEL, input: 'hello', stream: true }),
      signal: leave.signal,
    });
    await eventually(() => arrived, 'the request to reach the upstream');
    leave.abort();
    await expect(sent).rejects.toThrow();
    await eventually(() => upstreamClosed, 'the route to close the upstream request');
  });

  it('asks for an unencoded body, and still decodes one the upstream compressed anyway', async () => {
    const file = { name: 'files/abc', mimeType: 'image/png', sizeBytes: '12', state: 'ACTIVE' };
    const asked: (string | undefined)[] = [];
    const upstream = await upstreamServer((req, res) => {
      asked.push(req.headers['accept-encoding']);
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(gzipSync(JSON.stringify(file)));
    });
    const route = await routeTo(upstream.url);

    const response = await fetch(`${route.baseUrl}/v1beta/files/abc`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe(null);
    expect(await response.json()).toEqual(file);
    expect(asked).toEqual(['identity']);
  });

  it('does not follow a redirect: the key never goes where it points', async () => {
    const elsewhere: string[] = [];
    const other = await upstreamServer((req, res) => {
      elsewhere.push(String(req.headers['x-goog-api-key']));
      res.end('{}');
    });
    const upstream = await upstreamServer((_req, res) => {
      res.writeHead(307, { location: `${other.url}/v1beta/files/abc`, 'content-type': 'application/json' });
      res.end('{"error":{"code":307,"message":"moved","status":"UNAVAILABLE"}}');
    });
    const route = await routeTo(upstream.url);

    const response = await fetch(`${route.baseUrl}/v1beta/files/abc`, { redirect: 'manual' });
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe(null);
    expect(elsewhere).toEqual([]);
  });

  it('gives up on an upstream that cuts the stream, and the client sees the stream break', async () => {
    const upstream = await cuttingUpstream();
    const route = await routeTo(upstream.url);

    const response = await fetch(`${route.baseUrl}/v1beta/interactions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: MODEL, input: 'x', stream: true }),
    });
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
  });
});

/**
 * The route called as a plain Web handler (Next.js, Hono on Bun or workers): the answer's body is then read
 * as a Web stream, not piped by toNodeHandler.
 */
describe('a network upstream read as a Web stream', () => {
  const streamed = (input: string) =>
    new Request('http://localhost:3000/api/gemini/v1beta/interactions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: MODEL, input, stream: true }),
    });

  it('arrives whole', async () => {
    const emulator = await startEmulatorServer({ port: 0, apiKey: SERVER_KEY });
    cleanups.push(() => emulator.close());
    const route = createGeminiRoute({ upstream: emulator.url, apiKey: SERVER_KEY, logger: false });

    const response = await route(streamed('web stream [emulator: echo]'));
    const text = await response.text();
    expect(text.startsWith('event: interaction.created')).toBe(true);
    expect(text).toContain('"text":"web stream"');
    expect(text).toContain('event: interaction.completed');
  });

  it('cancelled, it closes the upstream request', async () => {
    const emulator = await startEmulatorServer({
      port: 0,
      apiKey: SERVER_KEY,
      pacing: { chunkSize: 2, delayMs: 20 },
    });
    cleanups.push(() => emulator.close());
    const route = createGeminiRoute({ upstream: emulator.url, apiKey: SERVER_KEY, logger: false });

    const response = await route(streamed('long [emulator: words=500]'));
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    expect((await reader.read()).done).toBe(false);
    await reader.cancel();
    await eventually(
      () => emulator.emulator.stats.streamsAbortedByClient === 1,
      'the emulator to see the stream closed',
    );
  });

  it('cut by the upstream, it errors', async () => {
    const upstream = await cuttingUpstream();
    const route = createGeminiRoute({ upstream: upstream.url, apiKey: SERVER_KEY, logger: false });

    const response = await route(streamed('x'));
    await expect(response.text()).rejects.toThrow();
  });
});
