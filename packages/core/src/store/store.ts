import { type CancelScheduled, frameSchedule, type Schedule } from './schedule.js';

/**
 * How often, at most, subscribers hear about more streamed text by default: ten times a second. Each update
 * re-renders the answer (its markdown, style, layout, paint); at every frame (60/s) that keeps the main thread
 * busy for much of a long stream, while ten a second still reads as continuous text and leaves the page idle
 * in between. Changes of status (started, finished, failed, stopped) are never held back.
 */
export const DEFAULT_STREAMING_UPDATE_MS = 100;

/** What `useSyncExternalStore` (and any other view layer) needs from a store. */
export interface ReadableStore<T> {
  subscribe(listener: () => void): () => void;
  /** The current snapshot; the same object until the state behind it changes. */
  getSnapshot(): T;
}

/**
 * A store whose snapshot is derived from mutable state kept by its owner (a conversation, a request), and
 * whose subscribers hear about changes at most once per frame. This is the one place where batching happens:
 * 2,000 stream deltas within a frame cost 2,000 cheap `invalidate()` calls, one snapshot and one render.
 */
export interface FrameStore<T> extends ReadableStore<T> {
  /**
   * The state changed: the snapshot is recomputed on the next read, subscribers are told at the next frame.
   * With `atMostEveryMs`, a change that can wait (one more piece of streamed text) is told no sooner than that
   * long after the last time subscribers were told; a plain `invalidate()` meanwhile brings it forward.
   */
  invalidate(atMostEveryMs?: number): void;
  /** Tells subscribers now about a pending change, instead of at the next frame. */
  flush(): void;
}

export interface FrameStoreOptions {
  /** When subscribers are told; defaults to once per animation frame. */
  schedule?: Schedule;
  /** The clock for `invalidate(atMostEveryMs)`, in ms; defaults to `performance.now`. */
  now?: () => number;
}

/**
 * @param compute builds the snapshot from the owner's state; it receives the previous snapshot so that parts
 * which did not change can be returned as the same objects (a UI memoizes on identity).
 */
export function createFrameStore<T>(
  compute: (previous: T | undefined) => T,
  options: FrameStoreOptions = {},
): FrameStore<T> {
  const schedule = options.schedule ?? frameSchedule;
  const now = options.now ?? (() => performance.now());
  const listeners = new Set<() => void>();
  let snapshot: T | undefined;
  let stale = true;
  let changed = false;
  let cancelScheduled: CancelScheduled | undefined;
  /** A notification held back by `atMostEveryMs`: a timer that schedules it at a frame once it is due. */
  let heldBack: ReturnType<typeof setTimeout> | undefined;
  let notifiedAt = Number.NEGATIVE_INFINITY;

  const cancel = () => {
    cancelScheduled?.();
    cancelScheduled = undefined;
    clearTimeout(heldBack);
    heldBack = undefined;
  };

  const notify = () => {
    cancelScheduled = undefined;
    if (!changed) return;
    changed = false;
    notifiedAt = now();
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch (error) {
        // One failing subscriber must not starve the others; the error still surfaces, uncaught.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  };

  return {
    getSnapshot() {
      if (stale || snapshot === undefined) {
        snapshot = compute(snapshot);
        stale = false;
      }
      return snapshot;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) cancel();
      };
    },
    invalidate(atMostEveryMs) {
      stale = true;
      changed = true;
      // Already due at the next frame, or held back until it is (the common case while text streams): nothing
      // to do, not even reading the clock.
      if (cancelScheduled || listeners.size === 0 || (heldBack !== undefined && atMostEveryMs !== undefined))
        return;
      const wait = atMostEveryMs === undefined ? 0 : notifiedAt + atMostEveryMs - now();
      if (wait <= 0) {
        clearTimeout(heldBack);
        heldBack = undefined;
        cancelScheduled = schedule(notify);
      } else {
        heldBack = setTimeout(() => {
          heldBack = undefined;
          if (!cancelScheduled) cancelScheduled = schedule(notify);
        }, wait);
      }
    },
    flush() {
      cancel();
      notify();
    },
  };
}
