/**
 * The route as the README shows it in each framework, for real: Express, Vite's dev server, Hono, a
 * Next.js App Router route file (the handler called the way Next calls it), and the in-process upstreams
 * (an emulator object; the embedded emulator when there is no key).
 */
import { createClient, getText } from '@gemkit/core';
import { createEmulator, startEmulatorServer } from '@gemkit/emulator';
import express from 'express';
import { Hono } from 'hono';
import { createServer as createViteServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { toNodeHandler } from './node.js';
import { createGeminiRoute } from './route.js';
import { type EmulatorServer, SERVER_KEY } from './test-support/harness.js';
import { eventually, listen } from './test-support/http.js';

const MODEL = 'gemini-3-flash-preview';
let emulator: EmulatorServer;

beforeAll(async () => {
  emulator = await startEmulatorServer({ port: 0, apiKey: SERVER_KEY });
});
afterAll(async () => {
  await emulator?.close();
});

const route = () => createGeminiRoute({ upstream: emulator.url, apiKey: SERVER_KEY, logger: false });

/** One create and one streamed create through a server at `origin`, with core's client. */
async function exercise(origin: string): Promise<void> {
  const client = createClient({ baseUrl: `${origin}/api/gemini`, retry: { maxRetries: 0 } });
  const made = await client.interactions.create({ model: MODEL, input: 'framework [emulator: echo]' });
  expect(getText(made)).toBe('framework');
  const stream = await client.interactions.create({
    model: MODEL,
    input: 'streamed [emulator: echo]',
    stream: true,
  });
  for await (const _event of stream) {
  }
  expect(getText(stream.snapshot)).toBe('streamed');
}

describe('Express', () => {
  it('app.use(toNodeHandler(route)) serves the route and lets other paths through to the app', async () => {
    const app = express();
    app.use(toNodeHandler(route()));
    app.get('/health', (_req, res) => {
      res.send('ok');
    });
    const server = await listen(app);
    try {
      await exercise(server.url);
      expect(await (await fetch(`${server.url}/health`)).text()).toBe('ok');
    } finally {
      await server.close();
    }
  });

  it("mounted at a path (app.use('/api/gemini', …)) and after express.json()", async () => {
    const app = express();
    app.use(express.json());
    app.use('/api/gemini', toNodeHandler(route()));
    const server = await listen(app);
    try {
      await exercise(server.url);
    } finally {
      await server.close();
    }
  });
});

describe("Vite's dev server", () => {
  let vite: ViteDevServer | undefined;
  afterAll(async () => {
    await vite?.close();
  });

  it('server.middlewares.use(toNodeHandler(route)) in a plugin', async () => {
    vite = await createViteServer({
      configFile: false,
      root: import.meta.dirname,
      logLevel: 'silent',
      server: { port: 0, host: '127.0.0.1', strictPort: false, ws: false },
      plugins: [
        {
          name: 'gemini-route',
          configureServer(server) {
            server.middlewares.use(toNodeHandler(route()));
          },
        },
      ],
    });
    await vite.listen();
    const origin = (vite.resolvedUrls?.local[0] ?? '').replace(/\/$/, '');
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await exercise(origin);
  });
});

describe('Hono', () => {
  it("app.all('/api/gemini/*', (c) => route(c.req.raw)), served over node:http", async () => {
    const gemini = route();
    const app = new Hono();
    app.all('/api/gemini/*', (c) => gemini(c.req.raw));
    app.get('/', (c) => c.text('home'));
    const server = await listen(toNodeHandler(app.fetch));
    try {
      await exercise(server.url);
      expect(await (await fetch(`${server.url}/`)).text()).toBe('home');
    } finally {
      await server.close();
    }
  });
});

describe('Next.js App Router route file', () => {
  it('export { route as GET, route as POST, route as DELETE }: called with (request, { params })', async () => {
    // app/api/gemini/[...path]/route.ts, with an in-process upstream as an edge deployment might have.
    const upstream = createEmulator({ apiKey: SERVER_KEY });
    const handler = createGeminiRoute({ upstream, apiKey: SERVER_KEY, logger: false });
    const POST = handler;
    const GET = handler;
    const context = { params: Promise.resolve({ path: ['v1beta', 'interactions'] }) };
    const created = await POST(
      new Request('http://localhost:3000/api/gemini/v1beta/interactions', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
        body: JSON.stringify({ model: MODEL, input: 'next [emulator: echo]' }),
      }),
      context,
    );
    expect(created.status).toBe(200);
    const { id } = (await created.json()) as { id: string };
    const read = await GET(
      new Request(`http://localhost:3000/api/gemini/v1beta/interactions/${id}`),
      context,
    );
    expect(getText(await read.json())).toBe('next');
  });

  it("aborting the request's signal aborts the in-process upstream stream", async () => {
    const upstream = createEmulator({ apiKey: SERVER_KEY, pacing: { chunkSize: 2, delayMs: 20 } });
    const handler = createGeminiRoute({ upstream, apiKey: SERVER_KEY, logger: false });
    const abort = new AbortController();
    const response = await handler(
      new Request('http://localhost:3000/api/gemini/v1beta/interactions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: MODEL, input: 'long [emulator: words=500]', stream: true }),
        signal: abort.signal,
      }),
    );
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    abort.abort();
    await reader.cancel().catch(() => {});
    await eventually(
      () => upstream.stats.streamsAbortedByClient === 1,
      'the in-process emulator to see the abort',
    );
  });
});

describe('without a key', () => {
  it('answers with the embedded emulator, and says so once in the log', async () => {
    vi.stubEnv('GEMINI_API_KEY', '');
    try {
      const warn = vi.fn();
      const logger = { info: vi.fn(), warn, error: vi.fn() };
      const first = createGeminiRoute({ logger });
      createGeminiRoute({ logger });
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0]?.[0]).toContain('emulator');
      const server = await listen(toNodeHandler(first));
      try {
        await exercise(server.url);
      } finally {
        await server.close();
      }
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
