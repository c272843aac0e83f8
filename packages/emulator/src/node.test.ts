import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Interaction } from '@gemkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulatorServer as startFromIndex } from './index.js';
import { type EmulatorServer, startEmulatorServer } from './node.js';
import { MODEL, parseSse, readUntilFailure } from './test-helpers.js';

const servers: EmulatorServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(options: Parameters<typeof startEmulatorServer>[0] = {}): Promise<EmulatorServer> {
  const server = await startEmulatorServer({ port: 0, ...options });
  servers.push(server);
  return server;
}

const streamRequest = (url: string, input: string, init: RequestInit = {}) =>
  fetch(`${url}/v1beta/interactions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: MODEL, input, stream: true }),
    ...init,
  });

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('startEmulatorServer', () => {
  it('serves the handler over HTTP on 127.0.0.1 at the root', async () => {
    const server = await serve();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${server.url}/v1beta/interactions`, {
      method: 'POST',
      body: JSON.stringify({ model: MODEL, input: 'over http' }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as Interaction).status).toBe('completed');
  });

  it('is also exported from the package entry, loading node:http lazily', async () => {
    const server = await startFromIndex({ port: 0 });
    servers.push(server);
    expect((await fetch(`${server.url}/v1beta/files`)).status).toBe(200);
  });

  it('sees a client disconnect as an aborted stream; the interaction still completes', async () => {
    const server = await serve({ pacing: { chunkSize: 4, delayMs: 2 } });
    const controller = new AbortController();
    const response = await streamRequest(server.url, 'Go on [emulator: words=400]', {
      signal: controller.signal,
    });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    const created = parseSse(first)[0]?.data as { interaction?: Interaction } | undefined;
    const id = created?.interaction?.id as string;
    controller.abort();
    await until(() => server.emulator.stats.streamsAbortedByClient === 1);
    const rest = await fetch(`${server.url}/v1beta/interactions/${id}?stream=true`);
    const events = parseSse(await rest.text()).map((m) => m.data);
    expect((events.at(-1) as { interaction: Interaction }).interaction.status).toBe('completed');
    expect(server.emulator.stats).toMatchObject({
      streamsOpened: 2,
      streamsAbortedByClient: 1,
      streamsCompleted: 1,
      cancels: 0,
    });
  });

  it('drops the connection on a cut, after delivering the events before it', async () => {
    const server = await serve({ pacing: { chunkSize: 8, delayMs: 0 } });
    const response = await streamRequest(server.url, 'Cut', { headers: { 'x-emulator-fault': 'cut=3' } });
    const { text, error } = await readUntilFailure(response);
    expect(error).toBeInstanceOf(TypeError);
    expect(parseSse(text)).toHaveLength(3);
  });

  it('closes promptly while a stream is open', async () => {
    const server = await startEmulatorServer({ port: 0, pacing: { chunkSize: 1, delayMs: 50 } });
    const response = await streamRequest(server.url, 'Long [emulator: words=2000]');
    await (response.body as ReadableStream<Uint8Array>).getReader().read();
    await server.close();
    await expect(fetch(`${server.url}/v1beta/files`)).rejects.toThrow();
  });

  it('redacts keys in the request log', async () => {
    const server = await serve({ apiKey: 'sekret' });
    await fetch(`${server.url}/v1beta/files?key=sekret`, { headers: { 'x-goog-api-key': 'sekret' } });
    const [logged] = server.emulator.requests;
    expect(logged?.headers['x-goog-api-key']).toBe('[redacted]');
    expect(logged?.query.key).toBe('[redacted]');
    expect(JSON.stringify(server.emulator.requests)).not.toContain('sekret');
  });
});

describe('gemkit-emulator CLI', () => {
  it('starts a server, prints its URL and serves requests', async () => {
    const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0', '--delay', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /listening on (http:\/\/\S+)/.exec(out);
          if (match?.[1]) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`CLI exited with ${code}: ${out}`)));
      });
      const response = await fetch(`${url}/v1beta/interactions`, {
        method: 'POST',
        body: JSON.stringify({ model: MODEL, input: 'from the CLI' }),
      });
      expect(((await response.json()) as Interaction).status).toBe('completed');
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('exits with status 2 and the usage on a bad argument', async () => {
    const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', 'abc'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(err).toMatch(/--port needs an integer/);
    expect(err).toMatch(/Usage: gemkit-emulator/);
  });
});
