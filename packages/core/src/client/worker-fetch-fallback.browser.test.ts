import { afterEach, describe, expect, inject, it } from 'vitest';

/** A real emulator server (scripts/browser-emulator-setup.ts). */
const emulatorUrl = inject('emulatorUrl');
const missing = `${emulatorUrl}/v1beta/interactions/no-such-interaction`;
const RealWorker = globalThis.Worker;

let instance = 0;
/** worker-fetch.ts anew (its own URL): its page-wide worker is module state, and each test breaks it another way. */
async function freshWorkerFetch() {
  const url = `./worker-fetch.ts?instance=${++instance}`;
  const module: typeof import('./worker-fetch.js') = await import(/* @vite-ignore */ url);
  return module.createWorkerFetch();
}

/** A Worker that never runs the program: it fails as a blocked script does, or after saying it is ready. */
function brokenWorker(behaviour: 'fails-to-load' | 'dies-after-head') {
  const sent: unknown[] = [];
  class BrokenWorker extends EventTarget {
    constructor() {
      super();
      if (behaviour === 'fails-to-load') setTimeout(() => this.dispatchEvent(new Event('error')), 10);
      else setTimeout(() => this.#message({ kind: 'ready' }), 0);
    }
    postMessage(message: { kind: string; id: number }) {
      sent.push(message);
      if (behaviour !== 'dies-after-head' || message.kind !== 'fetch') return;
      this.#message({ kind: 'head', id: message.id, status: 200, statusText: 'OK', headers: [], url: '' });
      setTimeout(() => this.dispatchEvent(new Event('error')), 10);
    }
    terminate() {}
    #message(data: unknown) {
      this.dispatchEvent(new MessageEvent('message', { data }));
    }
  }
  globalThis.Worker = BrokenWorker as unknown as typeof Worker;
  return sent;
}

afterEach(() => {
  globalThis.Worker = RealWorker;
});

describe('createWorkerFetch when the worker cannot help', () => {
  it('a Worker that cannot be made (a CSP without worker-src blob:): the page fetches itself', async () => {
    globalThis.Worker = class {
      constructor() {
        throw new DOMException('Refused by the Content Security Policy', 'SecurityError');
      }
    } as unknown as typeof Worker;
    const workerFetch = await freshWorkerFetch();
    const response = await workerFetch(missing);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 404 } });
  });

  it('a worker whose script never runs: the requests it held go out from the page, nothing lost', async () => {
    const sent = brokenWorker('fails-to-load');
    const workerFetch = await freshWorkerFetch();
    const [first, second] = await Promise.all([workerFetch(missing), workerFetch(missing)]);
    expect(sent).toHaveLength(2);
    expect([first.status, second.status]).toEqual([404, 404]);
    // And from then on straight from the page.
    expect((await workerFetch(missing)).status).toBe(404);
    expect(sent).toHaveLength(2);
  });

  it('a worker that dies mid-body: the body fails as a broken connection does (a client resumes it)', async () => {
    brokenWorker('dies-after-head');
    const workerFetch = await freshWorkerFetch();
    const response = await workerFetch(missing);
    await expect(response.text()).rejects.toThrow(TypeError);
  });
});
