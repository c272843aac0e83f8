import type { Browser } from 'playwright-core';
import { performanceMetrics } from '../lib/browser-pages.js';
import type { Answer } from './document.js';
import type { PageResult, RenderCheck } from './pages/bench-page.js';

export interface Contender {
  key: string;
  name: string;
  /** The page, relative to the server. */
  path: string;
  /** The element holding the rendered answer; null for the reference, which renders nothing. */
  answerSelector: string | null;
}

export interface PageMeasurement {
  /** Main-thread time from sending to the final text painted, in ms of the thread's CPU time. */
  mainThreadMs: number;
  scriptMs: number;
  /** Layout plus style recalculation. */
  layoutStyleMs: number;
  layoutMs: number;
  styleMs: number;
  /** Wall-clock time from sending to the final text painted. */
  wallMs: number;
  longTasks: number;
  longestTaskMs: number;
  commits: number;
  /** JS heap in use at the end, after a full garbage collection, in MB. */
  heapMB: number;
  /** What the page shows of the answer (null for the reference). */
  check: RenderCheck | null;
  /** Uncaught errors in the page. */
  errors: string[];
}

const PROMPT = 'Write the long answer.';

/**
 * Opens the contender's page in a fresh browser context, sends the message and waits for the final text
 * to be painted; main-thread time comes from the Performance domain's counters (ScriptDuration,
 * LayoutDuration, RecalcStyleDuration, TaskDuration) taken just before sending and at the end, in thread
 * CPU time ('threadTicks'), so that other processes on a busy machine do not inflate them.
 */
export async function measurePage(
  browser: Browser,
  baseUrl: string,
  contender: Contender,
  answer: Answer,
): Promise<PageMeasurement> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${baseUrl}/${contender.path}`);
    await page.evaluate(() => window.bench.ready);
    // Code a page loads when idle (lazy chunks prefetched after mount) is in before the user would send.
    await page.waitForLoadState('networkidle');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await cdp.send('HeapProfiler.collectGarbage');
    const before = await performanceMetrics(cdp);
    await page.evaluate((prompt) => window.bench.send(prompt), PROMPT);
    const result: PageResult = await page.evaluate(() => window.bench.finished);
    const after = await performanceMetrics(cdp);
    const selector = contender.answerSelector;
    const check =
      selector === null
        ? null
        : await page.evaluate((expectation) => window.bench.check(expectation), {
            selector,
            pieces: answer.pieces,
            counts: answer.counts,
          });
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await performanceMetrics(cdp)).JSHeapUsedSize ?? Number.NaN;
    const spent = (name: string) => ((after[name] ?? Number.NaN) - (before[name] ?? Number.NaN)) * 1000;
    const layoutMs = spent('LayoutDuration');
    const styleMs = spent('RecalcStyleDuration');
    return {
      mainThreadMs: spent('TaskDuration'),
      scriptMs: spent('ScriptDuration'),
      layoutStyleMs: layoutMs + styleMs,
      layoutMs,
      styleMs,
      wallMs: result.doneAt - result.sentAt,
      longTasks: result.longTasks.length,
      longestTaskMs: Math.max(0, ...result.longTasks.map((task) => task.duration)),
      commits: result.commits,
      heapMB: heap / 2 ** 20,
      check,
      errors,
    };
  } finally {
    await context.close();
  }
}
