import { afterEach, describe, expect, it } from 'vitest';
import { freePort, runScript, type Started, waitForOutput } from './support/processes';

const running: Started[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((started) => started.stop()));
});

function start(script: 'start' | 'dev', env: Record<string, string | undefined>): Started {
  const started = runScript(script, env);
  running.push(started);
  return started;
}

const OPEN = /Open:\s+(http:\/\/\S+?)\/?\s/;

/** Reads a streamed answer through the route, as the browser does. */
async function streamThrough(base: string): Promise<string> {
  const response = await fetch(`${base}/api/gemini/v1beta/interactions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'gemini-3-flash-preview',
      input: 'Hello [emulator: words=20]',
      stream: true,
    }),
  });
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  return response.text();
}

describe('pnpm start (the production server)', () => {
  it('serves the built app and the route on PORT, on the emulator without a key, and says so', async () => {
    const port = await freePort();
    const server = start('start', { PORT: String(port), GEMINI_API_KEY: '' });
    const [, url] = await waitForOutput(server, OPEN);
    expect(url).toBe(`http://127.0.0.1:${port}`);
    expect(server.output()).toContain('embedded Gemkit emulator');

    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect(await (await fetch(`${url}/widget`)).text()).toContain('sample page with the Gemkit chat widget');
    expect(await (await fetch(`${url}/api/demo/status`)).json()).toMatchObject({ upstream: 'emulator' });
    const events = await streamThrough(url as string);
    expect(events).toContain('event: interaction.completed');
  });

  it('with GEMINI_API_KEY set, says it talks to Gemini, and never shows the key', async () => {
    const port = await freePort();
    const key = 'AIzaSyGemkitEntryPointSentinel000000000';
    const server = start('start', { PORT: String(port), GEMINI_API_KEY: key });
    const [, url] = await waitForOutput(server, OPEN);
    expect(server.output()).toContain('Gemini API (GEMINI_API_KEY is set');
    const status = await (await fetch(`${url}/api/demo/status`)).text();
    expect(JSON.parse(status)).toMatchObject({ upstream: 'gemini' });
    expect(status + (await (await fetch(`${url}/`)).text()) + server.output()).not.toContain(key);
  });

  it('explains a port that is taken instead of crashing', async () => {
    const port = await freePort();
    const first = start('start', { PORT: String(port) });
    await waitForOutput(first, OPEN);
    const second = start('start', { PORT: String(port) });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`Port ${port} is in use`);
  });
});

describe('pnpm dev (Vite with the route as middleware, one process)', () => {
  it('serves the app from source and the route, on the emulator without a key, and says so', async () => {
    const port = await freePort();
    const dev = start('dev', { PORT: String(port), GEMINI_API_KEY: '' });
    const [, url] = await waitForOutput(dev, OPEN);
    expect(url).toBe(`http://localhost:${port}`);
    expect(dev.output()).toContain('embedded Gemkit emulator');

    const html = await (await fetch(`${url}/`)).text();
    expect(html).toContain('/src/app/main.tsx');
    expect((await fetch(`${url}/src/app/main.tsx`)).status).toBe(200);
    expect(await (await fetch(`${url}/api/demo/status`)).json()).toMatchObject({ upstream: 'emulator' });
    expect(await streamThrough(url as string)).toContain('event: interaction.completed');
  });
});
