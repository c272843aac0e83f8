/**
 * Chromium driven over the DevTools protocol alone (`--remote-debugging-pipe`), with no automation library
 * between: for measuring a page's main-thread time.
 *
 * Why not Playwright here: it turns on the DevTools Network domain in every page it drives, and a page whose
 * network is observed that way gets a message on its main thread for every chunk of every response — even
 * a response read in a worker (`blink.mojom.ResourceLoadInfoNotifier`, seen in a trace). A streamed answer
 * arrives in thousands of chunks: on the 60 KB streaming-render answer that was ~0.3 s of main-thread time
 * per page that no user's browser spends, added to every contender. Only the domains a measurement needs
 * are enabled here (Runtime, Page, Performance, HeapProfiler).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

type Params = Record<string, unknown>;
type Listener = (params: Params) => void;

interface Message {
  id?: number;
  method?: string;
  params?: Params;
  sessionId?: string;
  result?: Params;
  error?: { message: string };
}

export class CdpBrowser {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (r: Params) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private exited: Error | undefined;

  private constructor(
    private readonly child: ChildProcess,
    private readonly profile: string,
  ) {
    const output = child.stdio[4] as Readable;
    let buffered = '';
    output.setEncoding('utf8');
    output.on('data', (text: string) => {
      buffered += text;
      for (let end = buffered.indexOf('\0'); end !== -1; end = buffered.indexOf('\0')) {
        this.receive(JSON.parse(buffered.slice(0, end)) as Message);
        buffered = buffered.slice(end + 1);
      }
    });
    const fail = (error: Error) => {
      this.exited = error;
      for (const { reject } of this.pending.values()) reject(error);
      this.pending.clear();
    };
    child.on('exit', (code) => fail(new Error(`Chromium exited (code ${code})`)));
    // A browser that cannot start (no such file) fails every command rather than leaving them waiting.
    child.on('error', (error) => fail(new Error(`Chromium did not start: ${error.message}`)));
    // Writing to a browser that is gone: the command is failed by `exit`/`error` above.
    (child.stdio[3] as Writable).on('error', () => {});
  }

  /** Starts Chromium headless with a fresh profile and the pipe open. */
  static launch(executablePath: string, args: readonly string[]): CdpBrowser {
    const profile = mkdtempSync(join(tmpdir(), 'gemkit-cdp-'));
    const child = spawn(
      executablePath,
      [...args, '--headless=new', '--remote-debugging-pipe', `--user-data-dir=${profile}`, 'about:blank'],
      { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
    );
    return new CdpBrowser(child, profile);
  }

  /** Sends a command, to the browser or (with `sessionId`) to a page, and waits for its result. */
  send<T = Params>(method: string, params: Params = {}, sessionId?: string): Promise<T> {
    if (this.exited) return Promise.reject(this.exited);
    const id = ++this.nextId;
    const input = this.child.stdio[3] as Writable;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (r: Params) => void, reject });
      input.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    });
  }

  /** Calls `listener` for each `method` event of the session (`''`: the browser's own). */
  on(sessionId: string, method: string, listener: Listener): () => void {
    const key = `${sessionId}|${method}`;
    let set = this.listeners.get(key);
    if (!set) {
      set = new Set();
      this.listeners.set(key, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  }

  /** A page in a browser context of its own (its own storage and cache, as a fresh profile has). */
  async newPage(viewport: { width: number; height: number }): Promise<CdpPage> {
    const { browserContextId } = await this.send<{ browserContextId: string }>('Target.createBrowserContext');
    const { targetId } = await this.send<{ targetId: string }>('Target.createTarget', {
      url: 'about:blank',
      browserContextId,
    });
    const { sessionId } = await this.send<{ sessionId: string }>('Target.attachToTarget', {
      targetId,
      flatten: true,
    });
    const page = new CdpPage(this, sessionId, browserContextId);
    // The viewport is the window's size, as in a person's browser (no device-metrics emulation). The window
    // has a frame of its own: sized to the viewport first, then grown by what the frame took.
    const { windowId } = await this.send<{ windowId: number }>('Browser.getWindowForTarget', { targetId });
    let bounds = viewport;
    let inner = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
    for (let attempt = 0; attempt < 5; attempt++) {
      if (inner.width === viewport.width && inner.height === viewport.height) return page;
      await this.send('Browser.setWindowBounds', { windowId, bounds: { ...bounds, windowState: 'normal' } });
      inner = await page.evaluate(resized, inner);
      // Whatever the frame takes is added to the window.
      bounds = {
        width: bounds.width + viewport.width - inner.width,
        height: bounds.height + viewport.height - inner.height,
      };
    }
    throw new Error(
      `The page's viewport is ${inner.width}×${inner.height}, not ${viewport.width}×${viewport.height}`,
    );
  }

  async version(): Promise<string> {
    const { product } = await this.send<{ product: string }>('Browser.getVersion');
    return product.replace(/^[^/]*\//, '');
  }

  async close(): Promise<void> {
    if (!this.exited) {
      const exit = new Promise((resolve) => this.child.once('exit', resolve));
      await this.send('Browser.close').catch(() => {});
      await exit;
    }
    rmSync(this.profile, { recursive: true, force: true });
  }

  private receive(message: Message): void {
    if (message.id !== undefined) {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiting?.reject(new Error(message.error.message));
      else waiting?.resolve(message.result ?? {});
      return;
    }
    const key = `${message.sessionId ?? ''}|${message.method}`;
    for (const listener of this.listeners.get(key) ?? []) listener(message.params ?? {});
  }
}

export class CdpPage {
  constructor(
    private readonly browser: CdpBrowser,
    readonly sessionId: string,
    private readonly browserContextId: string,
  ) {}

  send<T = Params>(method: string, params: Params = {}): Promise<T> {
    return this.browser.send<T>(method, params, this.sessionId);
  }

  on(method: string, listener: Listener): () => void {
    return this.browser.on(this.sessionId, method, listener);
  }

  /** Navigates and waits for the load event. */
  async goto(url: string): Promise<void> {
    await this.send('Page.enable');
    const loaded = new Promise<void>((resolve) => {
      const stop = this.on('Page.loadEventFired', () => {
        stop();
        resolve();
      });
    });
    const { errorText } = await this.send<{ errorText?: string }>('Page.navigate', { url });
    if (errorText) throw new Error(`${url}: ${errorText}`);
    await loaded;
  }

  /** Runs `fn(arg)` in the page (awaiting a promise it returns) and returns its JSON value. */
  async evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    const { result, exceptionDetails } = await this.send<{
      result: { value?: R };
      exceptionDetails?: { exception?: { description?: string }; text: string };
    }>('Runtime.evaluate', {
      // Run from source under tsx, a function's text calls esbuild's `__name` helper (tsx keeps names): the
      // page has none, so it gets one that does nothing.
      expression: `((__name) => (${fn.toString()})(${JSON.stringify(arg)}))((f) => f)`,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) {
      throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    }
    return result.value as R;
  }

  /** Closes the page with its browser context. */
  close(): Promise<unknown> {
    return this.browser.send('Target.disposeBrowserContext', { browserContextId: this.browserContextId });
  }
}

/** The page's viewport once it differs from `before` (runs in the page), or as it is after two seconds. */
function resized(before: { width: number; height: number }): Promise<{ width: number; height: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const check = () => {
      const now = { width: innerWidth, height: innerHeight };
      if (now.width !== before.width || now.height !== before.height || performance.now() - started > 2_000) {
        resolve(now);
      } else requestAnimationFrame(check);
    };
    check();
  });
}
