import { readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withBuiltDemo } from './support/fixture';
import { clientDir } from './support/paths';

/** Shaped like a real Gemini key (AIza + 35 characters), so a leak of either kind would be caught. */
const KEY = 'AIzaSyGemkitE2eSentinelKey0000000000000';
const KEY_PATTERN = /AIza[0-9A-Za-z_-]{35}/;

// The route holds a key, and the emulator behind it refuses any request without exactly that key: every
// answer in this file proves the key was sent upstream, by the server.
const demo = withBuiltDemo({ emulator: { apiKey: KEY }, route: { apiKey: KEY } });

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

describe('security in the browser', () => {
  it('no API key, real or placeholder, reaches the page, its bundle or any response', async () => {
    expect(KEY).toMatch(KEY_PATTERN);
    const chat = await demo.open('/', {});
    const seen: Promise<string>[] = [];
    const requestKeys: string[] = [];
    chat.page.on('request', (request) => {
      const headers = request.headers();
      if ('x-goog-api-key' in headers || 'authorization' in headers) requestKeys.push(request.url());
      if (/[?&]key=/.test(request.url())) requestKeys.push(request.url());
    });
    chat.page.on('response', (response) => {
      seen.push(
        response
          .body()
          .catch(() => Buffer.alloc(0))
          .then(
            (body) => `${response.url()}\n${JSON.stringify(response.headers())}\n${body.toString('latin1')}`,
          ),
      );
    });
    await chat.page.reload();

    // A streamed answer, an upload (its upload URL comes back in a header), the inspector's replay.
    const [chooser] = await Promise.all([
      chat.page.waitForEvent('filechooser'),
      chat.button('Attach files').click(),
    ]);
    await chooser.setFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.alloc(300 * 1024, 'a'),
    });
    await chat.send('Summarise my notes.');
    await chat.waitForLastAnswer();
    expect(demo.demo.emulator.stats.filesUploaded).toBe(1);
    // Reloaded once the finished turn is saved: then this tab has not seen its events, and replays them.
    await expect.poll(() => chat.allAnswersSaved()).toBe(true);
    await chat.page.reload();
    const panel = await chat.openInspectorTab('Events');
    await panel.getByRole('button', { name: 'Replay the stored events from the server' }).click();
    await expect.poll(() => panel.locator('li.demo-event').count()).toBeGreaterThan(5);

    const responses = await Promise.all(seen);
    expect(responses.length).toBeGreaterThan(10);
    for (const response of responses) {
      expect(response).not.toContain(KEY);
      expect(response).not.toMatch(KEY_PATTERN);
    }
    expect(requestKeys).toEqual([]);
    const stored = await chat.page.evaluate(
      () => JSON.stringify({ ...localStorage }) + document.documentElement.outerHTML,
    );
    expect(stored).not.toContain(KEY);

    // The bundle: no key, nothing key-shaped, no client configured with a key of any kind (a placeholder
    // included). Booleans, so that a failure names the file instead of printing it.
    const files = await filesUnder(clientDir);
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const text = await readFile(file, 'latin1');
      expect(KEY_PATTERN.test(text), `a key-shaped string in ${file}`).toBe(false);
      expect(/apiKey\s*:\s*["'`]/.test(text), `an apiKey literal in ${file}`).toBe(false);
      expect(/x-goog-api-key["'`]\s*[:,]\s*["'`]/.test(text), `a key header value in ${file}`).toBe(false);
    }
  });

  describe('another site', () => {
    let other: Server;
    let otherUrl: string;
    beforeAll(async () => {
      other = createServer((_req, res) => {
        res.setHeader('content-type', 'text/html');
        res.end('<!doctype html><title>Another site</title><p>Another site</p>');
      });
      await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
      otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => other.close(() => resolve())));

    it('cannot use the route from its pages: refused before anything reaches the upstream', async () => {
      const chat = await demo.open();
      const page = chat.page;
      await page.goto(otherUrl);
      const statuses: string[] = [];
      page.on('response', (response) => {
        if (response.url().startsWith(demo.demo.url)) {
          statuses.push(`${response.request().method()} ${response.status()}`);
        }
      });
      const upstreamBefore = demo.demo.emulator.requests.length;

      const outcome = await page.evaluate(async (route) => {
        const body = JSON.stringify({ model: 'gemini-3-flash-preview', input: 'Spend their quota.' });
        const results: string[] = [];
        // A CORS request (JSON: preflighted) and a "simple" one that needs no preflight.
        for (const init of [
          { method: 'POST', headers: { 'content-type': 'application/json' }, body },
          { method: 'POST', headers: { 'content-type': 'text/plain' }, body, mode: 'no-cors' as const },
        ]) {
          try {
            const response = await fetch(`${route}/api/gemini/v1beta/interactions`, init);
            results.push(response.type === 'opaque' ? 'opaque' : String(response.status));
          } catch {
            results.push('blocked');
          }
        }
        return results;
      }, demo.demo.url);

      expect(outcome).toEqual(['blocked', 'opaque']);
      // The page sees the simple request's answer (the refused preflight stays inside the browser).
      await expect.poll(() => statuses).toEqual(['POST 403']);
      expect(demo.demo.emulator.requests.length).toBe(upstreamBefore);
    });
  });

  it('serves the page with a content security policy that keeps it talking to its own origin', async () => {
    const response = await fetch(demo.demo.url);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("worker-src 'self' blob:");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
