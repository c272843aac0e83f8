import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

/**
 * The page may talk to its own origin only, and run only its own scripts. Styles allow inline because the
 * dialog library injects a <style> for scroll locking; images allow blob: (attachment previews), data:
 * (inline attachments) and https: (images in answers). Workers allow blob:, where Gemkit's client starts the
 * worker that reads the answers' streams off the main thread (only the page's own script can make that URL);
 * without it the client falls back to fetching on the main thread.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data: https:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** Pages by clean URL; any other path without a file extension is the app (its own links are `/`). */
const PAGES: Record<string, string> = { '/': 'index.html', '/widget': 'widget.html' };

/**
 * Serves the built client from `root`: hashed assets cached for a year, pages never cached, no directory
 * listings, nothing outside `root`. Answers `false` for what it does not serve (non-GET methods).
 */
export function createStaticHandler(root: string) {
  const rootWithSep = root.endsWith(sep) ? root : root + sep;
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return send(res, 400, 'Bad request');
    }
    const page = PAGES[pathname] ?? (extname(pathname) === '' ? 'index.html' : undefined);
    const file = normalize(join(root, page ?? pathname));
    if (!file.startsWith(rootWithSep) || pathname.includes('\0')) return send(res, 404, 'Not found');
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return send(res, 404, 'Not found');

    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    res.statusCode = 200;
    res.setHeader('content-type', type);
    res.setHeader('content-length', info.size);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    if (type.startsWith('text/html')) {
      res.setHeader('cache-control', 'no-cache');
      res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    } else if (pathname.startsWith('/assets/')) {
      res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    }
    if (req.method === 'HEAD') {
      res.end();
      return true;
    }
    await new Promise<void>((resolve) => {
      createReadStream(file)
        .on('error', () => {
          res.destroy();
          resolve();
        })
        .on('end', resolve)
        .pipe(res);
    });
    return true;
  };
}

function send(res: ServerResponse, status: number, text: string): true {
  res.statusCode = status;
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.end(text);
  return true;
}
