/**
 * The renderer main thread's CPU time per keystroke, from a Chromium trace of the typing: the sum of the
 * thread time (`tdur`) of its tasks from one keydown to the next. Wall-clock times on a shared machine
 * include the moments the thread waited for a core; its CPU time does not, so this is the number that
 * holds still when the machine is busy (the trace's own overhead is in it, for both contenders alike).
 */
import type { Browser, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { type?: string } };
}

const TASKS = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

export async function startCpuTrace(browser: Browser, page: Page): Promise<void> {
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline'] });
}

/** Stops the trace; returns the CPU ms of each keystroke (keydown to next keydown, the last to the end). */
export async function stopCpuTrace(browser: Browser): Promise<number[]> {
  const buffer = await browser.stopTracing();
  const { traceEvents } = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] };
  const keydowns = traceEvents
    .filter((event) => event.name === 'EventDispatch' && event.args?.data?.type === 'keydown')
    .sort((a, b) => a.ts - b.ts);
  const first = keydowns[0];
  if (!first) return [];
  const onMainThread = (event: TraceEvent) => event.pid === first.pid && event.tid === first.tid;
  const tasks = traceEvents.filter(
    (event) => event.ph === 'X' && TASKS.has(event.name) && onMainThread(event),
  );
  return keydowns.map((keydown, index) => {
    const end = keydowns[index + 1]?.ts ?? Number.POSITIVE_INFINITY;
    const inWindow = tasks.filter((task) => task.ts + (task.dur ?? 0) > keydown.ts && task.ts < end);
    return inWindow.reduce((sum, task) => sum + (task.tdur ?? 0), 0) / 1000;
  });
}
