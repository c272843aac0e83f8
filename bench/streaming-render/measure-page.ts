import { writeFileSync } from 'node:fs';
import { performanceMetrics } from '../lib/browser-pages.js';
import type { CdpBrowser } from '../lib/cdp-browser.js';
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
 * Opens the contender's page in a browser context of its own, sends the message and waits for the final
 * text to be painted; main-thread time comes from the Performance domain's counters (ScriptDuration,
 * LayoutDuration, RecalcStyleDuration, TaskDuration) taken just before sending and at the end, in thread
 * CPU time ('threadTicks'), so that other processes on a busy machine do not inflate them. Driven over the
 * DevTools protocol alone, with no Network domain on (see cdp-browser.ts).
 */
export async function measurePage(
  browser: CdpBrowser,
  baseUrl: string,
  contender: Contender,
  answer: Answer,
): Promise<PageMeasurement> {
  const page = await browser.newPage({ width: 1280, height: 860 });
  try {
    const errors: string[] = [];
    await page.send('Runtime.enable');
    page.on('Runtime.exceptionThrown', (params) => {
      const details = params.exceptionDetails as { exception?: { description?: string }; text: string };
      errors.push(details.exception?.description ?? details.text);
    });
    await page.goto(`${baseUrl}/${contender.path}`);
    await page.evaluate(() => window.bench.ready);
    // Code a page loads when idle (lazy chunks prefetched after mount) is in before the user would send.
    await page.evaluate(whenNetworkQuiet, QUIET_MS);
    await page.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.send('HeapProfiler.collectGarbage');
    const before = await performanceMetrics(page);
    const tracing = process.env.BENCH_TRACE_DIR ? await startTrace(browser) : undefined;
    await page.evaluate((prompt) => window.bench.send(prompt), PROMPT);
    const result = await page.evaluate((): Promise<PageResult> => window.bench.finished);
    if (tracing) await tracing(`${process.env.BENCH_TRACE_DIR}/${contender.key}-${Date.now()}.json`);
    const after = await performanceMetrics(page);
    const selector = contender.answerSelector;
    const check =
      selector === null
        ? null
        : await page.evaluate((expectation) => window.bench.check(expectation), {
            selector,
            pieces: answer.pieces,
            counts: answer.counts,
          });
    await page.send('HeapProfiler.collectGarbage');
    const heap = (await performanceMetrics(page)).JSHeapUsedSize ?? Number.NaN;
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
    await page.close();
  }
}

/** As Playwright's `networkidle`: no request made for this long. */
const QUIET_MS = 500;

/** Resolves once the page has started no request for `quietMs` (runs in the page). */
function whenNetworkQuiet(quietMs: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = performance.getEntriesByType('resource').length;
    const check = () => {
      const now = performance.getEntriesByType('resource').length;
      if (now === seen) resolve();
      else {
        seen = now;
        setTimeout(check, quietMs);
      }
    };
    setTimeout(check, quietMs);
  });
}

/**
 * What a trace records: the timeline DevTools' Performance panel shows (tasks, script, style, layout, paint)
 * and V8's sampling profile of the page's script (function names readable with `BENCH_NO_MINIFY=1`).
 */
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink',
  'cc',
  'v8',
  'toplevel',
  'disabled-by-default-v8.cpu_profiler',
];

/**
 * `BENCH_TRACE_DIR=dir`: a Chromium trace of each page from the send to the final text, written there as
 * `<contender>-<time>.json` (open it in DevTools' Performance panel or ui.perfetto.dev). Tracing costs the
 * page time of its own (~20% here), so a traced run's figures are not to be compared with untraced ones.
 */
async function startTrace(browser: CdpBrowser): Promise<(file: string) => Promise<void>> {
  const events: unknown[] = [];
  const off = browser.on('', 'Tracing.dataCollected', (params) => {
    events.push(...(params.value as unknown[]));
  });
  await browser.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: TRACE_CATEGORIES },
  });
  return async (file) => {
    const done = new Promise<void>((resolve) => {
      const stop = browser.on('', 'Tracing.tracingComplete', () => {
        stop();
        resolve();
      });
    });
    await browser.send('Tracing.end');
    await done;
    off();
    writeFileSync(file, JSON.stringify({ traceEvents: events }));
  };
}
