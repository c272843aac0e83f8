// `pnpm dev`: Vite's dev server with the Gemkit route as middleware, in one process. Run by tsx with the
// `@gemkit/source` condition, so the workspace packages are used from source and need no build.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toNodeHandler } from '@gemkit/server';
import { createServer } from 'vite';
import { banner } from './banner.js';
import { createDemoApi } from './demo-api.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const api = createDemoApi();
// PORT as for `pnpm start`; Vite's own 5173 otherwise (the next free one if it is taken).
const port = process.env.PORT ? Number(process.env.PORT) : undefined;

const vite = await createServer({
  root,
  configFile: join(root, 'vite.config.ts'),
  server: { port, strictPort: port !== undefined },
  plugins: [
    {
      name: 'gemkit-demo-api',
      configureServer(server) {
        // Before Vite's own middlewares, so /api never reaches the SPA fallback.
        server.middlewares.use(toNodeHandler(api.handler));
      },
    },
  ],
});
await vite.listen();
const url = vite.resolvedUrls?.local[0] ?? `http://localhost:${vite.config.server.port}/`;
console.log(banner(url, api.upstream));
vite.bindCLIShortcuts({ print: true });
