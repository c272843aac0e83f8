import type { Pacing } from '@gemkit/emulator';
import { toNodeHandler, type WebHandler } from '@gemkit/server';
import { preview } from 'vite';
import { createAnswerEmulator, GEMINI_ROUTE } from './answer-emulator.js';
import { createUiMessageStreamRoute } from './ui-message-stream-route.js';

export interface BenchServer {
  url: string;
  close(): Promise<void>;
}

/**
 * One local HTTP server, as an app has: Vite's preview server for the built pages, with the Gemini route
 * (`/api/gemini/*`, the emulator itself) and the AI SDK chat route (`/api/chat`) mounted beside them.
 */
export async function startBenchServer(options: {
  pagesDir: string;
  markdown: string;
  pacing: Pacing;
}): Promise<BenchServer> {
  const emulator = createAnswerEmulator(options.markdown, options.pacing);
  const chat = createUiMessageStreamRoute(emulator);
  const api: WebHandler = Object.assign(
    (request: Request) => {
      const { pathname } = new URL(request.url);
      if (pathname === '/api/chat' && request.method === 'POST') return chat(request);
      if (pathname.startsWith(`${GEMINI_ROUTE}/`)) return emulator.fetch(request);
      return new Response('not found', { status: 404 });
    },
    { basePath: '/api' },
  );
  const server = await preview({
    configFile: false,
    logLevel: 'warn',
    build: { outDir: options.pagesDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    plugins: [
      {
        name: 'bench-api',
        configurePreviewServer(preview) {
          preview.middlewares.use(toNodeHandler(api));
        },
      },
    ],
  });
  const url = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
  if (!url) throw new Error('the preview server did not report its URL');
  return { url, close: () => server.close() };
}
