import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { toNodeHandler } from '@gemkit/server';
import type { UpstreamKind } from '../shared/demo-status.js';
import { createDemoApi, type DemoApiOptions } from './demo-api.js';
import { createStaticHandler } from './static-files.js';

export interface DemoServerOptions extends DemoApiOptions {
  /** The built client (`vite build`'s output). */
  clientDir: string;
  /** Default 3000; 0 picks a free port. */
  port?: number;
  /** Default `127.0.0.1`: the route spends your key, so it is not offered to the network unless you say so. */
  host?: string;
}

export interface DemoServer {
  url: string;
  upstream: UpstreamKind;
  server: Server;
  close(): Promise<void>;
}

/** The production server: the built app and the Gemkit route from one node:http server. */
export async function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  const api = createDemoApi(options);
  const serveApi = toNodeHandler(api.handler);
  const serveStatic = createStaticHandler(resolve(options.clientDir));

  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/api' || path.startsWith('/api/')) {
      serveApi(req, res);
      return;
    }
    serveStatic(req, res)
      .then((served) => {
        if (served) return;
        res.statusCode = 405;
        res.setHeader('allow', 'GET, HEAD');
        res.end();
      })
      .catch(() => {
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
  });
  // Slow-loris protection is the HTTP server's job (see @gemkit/server's security notes).
  server.headersTimeout = 20_000;
  server.requestTimeout = 0; // streams and uploads may take long; the route bounds body time itself

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 3000, host, () => {
      server.off('error', fail);
      done();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost =
    host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    upstream: api.upstream,
    server,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
