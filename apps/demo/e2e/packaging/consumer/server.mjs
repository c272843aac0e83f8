// @ts-check
// The app's server, as @gemkit/server's README shows it (node:http): the route at /api/gemini — on the
// embedded emulator, as there is no GEMINI_API_KEY — and the built app. Type-checked with the app (checkJs).
import { createReadStream, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { createGeminiRoute, toNodeHandler } from '@gemkit/server';

const route = toNodeHandler(createGeminiRoute());
const dist = join(import.meta.dirname, 'dist');
/** @type {Record<string, string>} */
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (path.startsWith('/api/')) return route(req, res);
  const file = join(dist, path === '/' ? 'index.html' : path);
  if (!file.startsWith(dist) || !existsSync(file)) {
    res.statusCode = 404;
    res.end();
    return;
  }
  res.setHeader('content-type', types[extname(file)] ?? 'application/octet-stream');
  createReadStream(file).pipe(res);
}).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));
