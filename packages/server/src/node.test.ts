import { request as httpRequest } from 'node:http';
import { startEmulatorServer } from '@gemkit/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { toNodeHandler, type WebHandler } from './node.js';
import { createGeminiRoute } from './route.js';
import { eventually, listen, type TestServer } from './test-support/http.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('toNodeHandler', () => {
  it('passes method, URL, headers and a streamed body to the handler, and its response back', async () => {
    const echo: WebHandler = async (request, context) =>
      new Response(request.body, {
        status: 201,
        headers: {
          'x-method': request.method,
          'x-url': request.url,
          'x-client': String((context as { clientAddress?: string }).clientAddress),
          'set-cookie': 'a=1',
        },
      });
    server = await listen(toNodeHandler(echo));
    const response = await fetch(`${server.url}/api/gemini/x?y=1`, { method: 'POST', body: 'hello body' });
    expect(response.status).toBe(201);
    expect(await response.text()).toBe('hello body');
    expect(response.headers.get('x-method')).toBe('POST');
    expect(response.headers.get('x-url')).toBe(`${server.url}/api/gemini/x?y=1`);
    expect(response.headers.get('x-client')).toBe('127.0.0.1');
    expect(response.headers.getSetCookie()).toEqual(['a=1']);
  });

  it('aborts the request signal and cancels the response body when the client goes away', async () => {
    let signal: AbortSignal | undefined;
    let cancelled = false;
    const endless: WebHandler = async (request) => {
      signal = request.signal;
      let n = 0;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          await new Promise((resolve) => setTimeout(resolve, 5));
          controller.enqueue(new TextEncoder().encode(`data: ${n++}\n\n`));
        },
        cancel() {
          cancelled = true;
        },
      });
      return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    };
    server = await listen(toNodeHandler(endless));
    const abort = new AbortController();
    const response = await fetch(`${server.url}/stream`, { signal: abort.signal });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    abort.abort();
    await eventually(() => signal?.aborted === true && cancelled, 'the handler to see the disconnect');
  });

  it('lets paths outside basePath fall through to next(), and serves the others', async () => {
    const route = Object.assign(async () => new Response('route'), { basePath: '/api/gemini' });
    const handler = toNodeHandler(route);
    server = await listen((req, res) =>
      handler(req, res, () => {
        res.end('next');
      }),
    );
    expect(await (await fetch(`${server.url}/other`)).text()).toBe('next');
    expect(await (await fetch(`${server.url}/api/geminiX`)).text()).toBe('next');
    expect(await (await fetch(`${server.url}/api/gemini/v1beta/interactions`)).text()).toBe('route');
  });

  it('answers before reading a large body without hanging, and closes that connection', async () => {
    const early: WebHandler = async () => new Response('too large', { status: 413 });
    server = await listen(toNodeHandler(early));
    const url = new URL(server.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: url.hostname, port: url.port, method: 'POST', path: '/x' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write(Buffer.alloc(64 * 1024)); // and never end the body
    });
    expect(status).toBe(413);
  });

  it('answers 500 when the handler throws', async () => {
    const broken: WebHandler = async () => {
      throw new Error('boom');
    };
    server = await listen(toNodeHandler(broken));
    expect((await fetch(`${server.url}/x`)).status).toBe(500);
  });

  it('serves the route without a Web Request, yet hands its callbacks a real one, body and all', async () => {
    const emulator = await startEmulatorServer({ port: 0 });
    try {
      const seen: { isRequest: boolean; user: string | null; body: string }[] = [];
      const route = createGeminiRoute({
        upstream: emulator.url,
        logger: false,
        rateLimit: false,
        authorize: async (request) => {
          // An app may look at the body (of a clone): the route still forwards it whole.
          const body = request.headers.get('x-read-body') ? await request.clone().text() : '';
          seen.push({ isRequest: request instanceof Request, user: request.headers.get('x-user'), body });
          return { user: request.headers.get('x-user') ?? undefined };
        },
      });
      server = await listen(toNodeHandler(route));
      const create = (headers: Record<string, string>) =>
        fetch(`${server?.url}/api/gemini/v1beta/interactions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ model: 'gemini-3-flash-preview', input: 'hi [emulator: echo]' }),
        });
      const ok = await create({ 'X-User': 'ada' });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toMatchObject({ object: 'interaction', status: 'completed' });
      const read = await create({ 'x-user': 'bob', 'x-read-body': '1' });
      expect(read.status).toBe(200);
      // The emulator echoes the input's text: the body reached it whole.
      expect((await read.json()).steps.at(-1)).toMatchObject({ content: [{ type: 'text', text: 'hi' }] });
      expect(seen).toEqual([
        { isRequest: true, user: 'ada', body: '' },
        { isRequest: true, user: 'bob', body: expect.stringContaining('[emulator: echo]') },
      ]);
    } finally {
      await emulator.close();
    }
  });

  it('reads repeated request headers as Headers does: joined with a comma', async () => {
    let forwarded: string | null = null;
    const route = createGeminiRoute({
      upstreamFetch: async (request) => {
        forwarded = request.headers.get('x-goog-api-client');
        return Response.json({ id: 'x', object: 'interaction' });
      },
      forwardHeaders: [],
      logger: false,
      rateLimit: false,
    });
    server = await listen(toNodeHandler(route));
    const url = new URL(server.url);
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest(
        { host: url.hostname, port: url.port, method: 'GET', path: '/api/gemini/v1beta/interactions/x' },
        (res) => {
          res.resume();
          res.on('end', resolve);
        },
      );
      req.on('error', reject);
      req.setHeader('x-goog-api-client', ['a/1', 'b/2']);
      req.end();
    });
    expect(forwarded).toBe('a/1, b/2');
  });
});
