import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { toNodeHandler, type WebHandler } from './node.js';
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
});
