/**
 * When a store tells its subscribers about a change. A schedule runs `task` later, once, and returns a function
 * that cancels it. Stores take one as an option so that tests (and apps with their own render loop) control time.
 */
export type Schedule = (task: () => void) => CancelScheduled;
export type CancelScheduled = () => void;

/** The frame a display shows at: about 60 Hz. Used where there is no `requestAnimationFrame` (Node, workers). */
const FALLBACK_FRAME_MS = 16;

/**
 * The default: once per animation frame in a browser, so a burst of stream events becomes one render; every
 * 16 ms elsewhere (Node, tests, workers, a server render that never paints). Resolved on every call rather than
 * at import, so that an environment installed after import (jsdom in a test) is honoured.
 */
export const frameSchedule: Schedule = (task) => {
  const g = globalThis as {
    requestAnimationFrame?: (cb: () => void) => number;
    cancelAnimationFrame?: (h: number) => void;
  };
  if (typeof g.requestAnimationFrame === 'function' && typeof g.cancelAnimationFrame === 'function') {
    const handle = g.requestAnimationFrame(task);
    const cancel = g.cancelAnimationFrame;
    return () => cancel(handle);
  }
  const timer = setTimeout(task, FALLBACK_FRAME_MS);
  return () => clearTimeout(timer);
};

/** Runs the task after the current synchronous work: every change in one tick becomes one notification. */
export const microtaskSchedule: Schedule = (task) => {
  let cancelled = false;
  queueMicrotask(() => {
    if (!cancelled) task();
  });
  return () => {
    cancelled = true;
  };
};

/** A schedule whose frames advance only when told to: for tests that count renders per frame. */
export interface ManualSchedule {
  schedule: Schedule;
  /** Runs every task scheduled so far (tasks they schedule wait for the next call); returns how many ran. */
  runFrame(): number;
  /** How many tasks are waiting. */
  readonly pending: number;
}

export function createManualSchedule(): ManualSchedule {
  let queue = new Set<() => void>();
  return {
    schedule(task) {
      const entry = () => task();
      queue.add(entry);
      return () => queue.delete(entry);
    },
    runFrame() {
      const due = queue;
      queue = new Set();
      for (const task of due) task();
      return due.size;
    },
    get pending() {
      return queue.size;
    },
  };
}
