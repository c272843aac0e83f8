import type { ServerResponse } from 'node:http';
import { startEmulatorServer } from '@gemkit/emulator';
import { toNodeHandler } from '../node.js';
import type { GeminiRouteOptions } from '../options.js';
import { createGeminiRoute, type GeminiRouteHandler } from '../route.js';
import { listen, type TestServer } from './http.js';

/** The key the emulator demands and the route holds: it must never reach a client. */
export const SERVER_KEY = 'server-secret';

/**
 * Everything the route's HTTP servers send to clients in a test file, headers and bodies, as bytes went
 * out on the socket: whichever client made the request (the SDK, core's client, raw fetch), the key scan
 * sees it.
 */
export class ResponseTranscript {
  private text = '';
  responses = 0;

  record(res: ServerResponse): void {
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    const add = (chunk: unknown) => {
      if (typeof chunk === 'string') this.text += chunk;
      else if (chunk instanceof Uint8Array) this.text += Buffer.from(chunk).toString('latin1');
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      add(chunk);
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (typeof chunk !== 'function') add(chunk);
      return (end as (...args: unknown[]) => ServerResponse)(chunk, ...rest);
    }) as typeof res.end;
    res.on('finish', () => {
      this.responses++;
      this.text += JSON.stringify(res.getHeaders());
    });
  }

  get length(): number {
    return this.text.length;
  }

  contains(secret: string): boolean {
    return this.text.includes(secret);
  }
}

export interface RouteUnderTest {
  /** `http://127.0.0.1:PORT/api/gemini`: what clients use as their base URL. */
  baseUrl: string;
  origin: string;
  route: GeminiRouteHandler;
  server: TestServer;
  close(): Promise<void>;
}

/** The route on a real node:http server (through `toNodeHandler`), with every response recorded. */
export async function serveRoute(
  options: GeminiRouteOptions,
  transcript: ResponseTranscript,
): Promise<RouteUnderTest> {
  const route = createGeminiRoute({ logger: false, ...options });
  const handler = toNodeHandler(route);
  const server = await listen((req, res) => {
    transcript.record(res);
    handler(req, res);
  });
  return {
    baseUrl: `${server.url}${route.basePath}`,
    origin: server.url,
    route,
    server,
    close: () => server.close(),
  };
}

export type EmulatorServer = Awaited<ReturnType<typeof startEmulatorServer>>;

/** The emulator on real HTTP, demanding the server's key, and the route in front of it. */
export async function startStack(
  routeOptions: GeminiRouteOptions = {},
  transcript = new ResponseTranscript(),
  emulatorOptions: Parameters<typeof startEmulatorServer>[0] = {},
): Promise<{ emulator: EmulatorServer; route: RouteUnderTest; close(): Promise<void> }> {
  const emulator = await startEmulatorServer({ port: 0, apiKey: SERVER_KEY, ...emulatorOptions });
  const route = await serveRoute({ upstream: emulator.url, apiKey: SERVER_KEY, ...routeOptions }, transcript);
  return {
    emulator,
    route,
    async close() {
      await route.close();
      await emulator.close();
    },
  };
}
