/**
 * One page load of one contender in Chromium: open the long conversation, wait until it has rendered and
 * the page is quiet, read the heap, then type into the composer one key at a time as a fast typist
 * does, each key measured by the page (see page/measure.ts) before the next.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, Page } from 'playwright-core';
import { performanceMetrics } from '../lib/browser-pages.js';
import type { Contender } from './build.js';
import type { PageReport } from './page/measure.js';
import { startCpuTrace, stopCpuTrace } from './trace-cpu.js';

export interface LoadResult {
  contender: Contender;
  page: PageReport;
  /** Live JS heap after a full garbage collection, once loaded. */
  heapMB: number;
  domNodes: number;
  /** Renderer main-thread busy time (Chromium's TaskDuration), for the load and for all the typing. */
  mainThread: { loadMs: number; typingMs: number };
  /** The main thread's CPU time per keystroke, from a traced second round of the same typing. */
  cpuMs: number[];
  typed: string;
  /** The composer's value after typing: must equal `typed`. */
  value: string;
  pageErrors: string[];
}

export interface TypingOptions {
  messages: number;
  keystrokes: number;
}

/** A sentence a person might type, repeated to the length asked for. */
export function typedText(length: number): string {
  const sentence = 'How do I keep a chat fast when it holds a thousand messages? ';
  return sentence.repeat(Math.ceil(length / sentence.length)).slice(0, length);
}

/** Between keys, after the previous one is on screen: ~10 keys a second with the round trips, a fast typist. */
const PAUSE_BETWEEN_KEYS_MS = 40;
const LOAD_TIMEOUT_MS = 180_000;

/** Types `text` a key at a time, each once the previous one is on screen; `done` keys were typed before. */
async function typeKeys(page: Page, text: string, done: number): Promise<void> {
  for (let index = 0; index < text.length; index++) {
    await page.keyboard.type(text[index] as string);
    // One call that resolves in the page: polling from here would run tasks among the ones measured.
    await page.evaluate((count) => window.__bench.painted(count), done + index + 1);
    await sleep(PAUSE_BETWEEN_KEYS_MS);
  }
  // Work a keystroke left for later (an effect, a deferred render) lands in the last one's window.
  await sleep(300);
}

export async function measureLoad(
  browser: Browser,
  url: string,
  contender: Contender,
  options: TypingOptions,
): Promise<LoadResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${url}/${contender}.html?messages=${options.messages}`);
    await page.waitForFunction(() => window.__bench?.loaded(), undefined, {
      timeout: LOAD_TIMEOUT_MS,
      polling: 100,
    });
    const loaded = await performanceMetrics(cdp);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');

    const input = page.getByRole('textbox', { name: 'Message' });
    // Focus without a click: pointer events would be timed with the keys.
    await input.focus();
    const typed = typedText(options.keystrokes);
    const before = await performanceMetrics(cdp);
    await typeKeys(page, typed, 0);
    const after = await performanceMetrics(cdp);
    const report = await page.evaluate(() => window.__bench.collect());
    const value = await input.inputValue();
    // Typed again, traced: the trace's overhead stays out of the times above.
    await startCpuTrace(browser, page);
    await typeKeys(page, typed, typed.length);
    const cpuMs = await stopCpuTrace(browser);
    const busy = (from: Record<string, number>, to: Record<string, number>) =>
      ((to.TaskDuration ?? 0) - (from.TaskDuration ?? 0)) * 1000;
    return {
      contender,
      page: report,
      heapMB: heap.usedSize / 2 ** 20,
      domNodes: loaded.Nodes ?? Number.NaN,
      mainThread: { loadMs: busy({}, loaded), typingMs: busy(before, after) },
      cpuMs,
      typed,
      value,
      pageErrors,
    };
  } finally {
    await context.close();
  }
}
