import { type CancelScheduled, frameSchedule, type Schedule } from './schedule.js';

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
  /** The state changed: the snapshot is recomputed on the next read, subscribers are told at the next frame. */
  invalidate(): void;
  /** Tells subscribers now about a pending change, instead of at the next frame. */
  flush(): void;
}

export interface FrameStoreOptions {
  /** When subscribers are told; defaults to once per animation frame. */
  schedule?: Schedule;
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
  const listeners = new Set<() => void>();
  let snapshot: T | undefined;
  let stale = true;
  let changed = false;
  let cancelScheduled: CancelScheduled | undefined;

  const notify = () => {
    cancelScheduled = undefined;
    if (!changed) return;
    changed = false;
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
        if (listeners.size === 0 && cancelScheduled) {
          cancelScheduled();
          cancelScheduled = undefined;
        }
      };
    },
    invalidate() {
      stale = true;
      changed = true;
      if (!cancelScheduled && listeners.size > 0) cancelScheduled = schedule(notify);
    },
    flush() {
      cancelScheduled?.();
      notify();
    },
  };
}
