import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable as NodeReadable } from 'node:stream';
import { createEmulator, type Emulator } from './emulator.js';
import type { EmulatorOptions } from './options.js';

/**
 * node:http and node:stream are loaded with process.getBuiltinModule (Node ≥ 20.16, Bun, Deno) rather
 * than imported, so that this module — exported from the browser-safe entry — never makes a bundler
 * pull Node built-ins into a browser build. It only fails when called outside Node.
 */
function nodeBuiltins() {
  const get = (globalThis as { process?: { getBuiltinModule?: NodeJS.Process['getBuiltinModule'] } }).process
    ?.getBuiltinModule;
  if (typeof get !== 'function') {
    throw new Error(
      'startEmulatorServer needs Node.js (20.16 or later); in a browser, use createEmulator().fetch.',
    );
  }
  return { http: get('node:http'), stream: get('node:stream') };
}

export interface EmulatorServerOptions extends EmulatorOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  /** Serve an existing emulator instead of creating one from the options. */
  emulator?: Emulator;
}

export interface EmulatorServer {
  /** `http://127.0.0.1:PORT` — use it as the base URL of a client. */
  url: string;
  port: number;
  emulator: Emulator;
  /** Stops listening and drops open connections (streams included). */
  close(): Promise<void>;
}

/** Serves an emulator over real HTTP with node:http. */
export async function startEmulatorServer(options: EmulatorServerOptions = {}): Promise<EmulatorServer> {
  const { port = 0, host = '127.0.0.1', emulator: given, ...emulatorOptions } = options;
  const { http, stream } = nodeBuiltins();
  const emulator = given ?? createEmulator(emulatorOptions);
  const server = http.createServer((req, res) => {
    serve(emulator, stream.Readable, req, res, `http://${req.headers.host ?? `${host}:${port}`}`).catch(
      (error: unknown) => {
        res.destroy(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    emulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function serve(
  emulator: Emulator,
  Readable: typeof NodeReadable,
  req: IncomingMessage,
  res: ServerResponse,
  origin: string,
): Promise<void> {
  // The request's signal aborts when the client goes away, so the emulator can tell a disconnect.
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    headers.append(req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const request = new Request(new URL(req.url ?? '/', origin), {
    method: req.method ?? 'GET',
    headers,
    signal: controller.signal,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  } as RequestInit);
  const response = await emulator.fetch(request);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.flushHeaders();
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  controller.signal.addEventListener('abort', () => void reader.cancel().catch(() => {}), { once: true });
  let flushed: Promise<void> = Promise.resolve();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      flushed = new Promise((resolve) => res.write(value, () => resolve()));
    }
    res.end();
  } catch {
    // The body failed (an injected cut, or the client left). What was written reaches the client
    // first; then the connection drops mid-response, as a real network cut would.
    await flushed;
    res.destroy();
  }
}
