// The production entry: `pnpm build && pnpm start` in apps/demo. PORT (default 3000) and HOST (default
// 127.0.0.1) choose where to listen; GEMINI_API_KEY, when set, sends requests to Gemini.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { banner } from './banner.js';
import { startDemoServer } from './demo-server.js';

const here = dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`PORT must be a port number, got ${JSON.stringify(process.env.PORT)}`);
  process.exit(1);
}

try {
  const demo = await startDemoServer({
    clientDir: join(here, '../client'),
    port,
    host: process.env.HOST || undefined,
  });
  console.log(banner(demo.url, demo.upstream));
  const shutdown = () => demo.close().then(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    code === 'EADDRINUSE'
      ? `Port ${port} is in use: set PORT to another one (PORT=3001 pnpm start).`
      : `The demo server could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
