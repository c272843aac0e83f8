import { afterEach, describe, expect, it, vi } from 'vitest';
import { createManualSchedule } from './schedule.js';
import { createFrameStore } from './store.js';

function counterStore() {
  const frames = createManualSchedule();
  let count = 0;
  const computed = vi.fn((_previous: { count: number } | undefined) => ({ count }));
  const store = createFrameStore(computed, { schedule: frames.schedule });
  const bump = () => {
    count++;
    store.invalidate();
  };
  return { frames, store, bump, computed };
}

describe('createFrameStore', () => {
  it('tells subscribers once per frame however many changes the frame held', () => {
    const { frames, store, bump } = counterStore();
    const listener = vi.fn();
    store.subscribe(listener);
    for (let i = 0; i < 2000; i++) bump();
    expect(listener).not.toHaveBeenCalled();
    frames.runFrame();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot().count).toBe(2000);
    frames.runFrame();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('returns the same snapshot object until something changes, and computes it lazily once', () => {
    const { store, bump, computed } = counterStore();
    const first = store.getSnapshot();
    expect(store.getSnapshot()).toBe(first);
    bump();
    bump();
    expect(computed).toHaveBeenCalledTimes(1);
    const second = store.getSnapshot();
    expect(second).not.toBe(first);
    expect(second.count).toBe(2);
    expect(store.getSnapshot()).toBe(second);
    expect(computed).toHaveBeenCalledTimes(2);
    expect(computed).toHaveBeenLastCalledWith(first);
  });

  it('flush notifies now and cancels the frame it had scheduled', () => {
    const { frames, store, bump } = counterStore();
    const listener = vi.fn();
    store.subscribe(listener);
    bump();
    store.flush();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(frames.pending).toBe(0);
    store.flush();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('schedules nothing without subscribers, and stops scheduling when the last one leaves', () => {
    const { frames, store, bump } = counterStore();
    bump();
    expect(frames.pending).toBe(0);
    const unsubscribe = store.subscribe(() => {});
    bump();
    expect(frames.pending).toBe(1);
    unsubscribe();
    expect(frames.pending).toBe(0);
  });

  it('keeps notifying the other subscribers when one throws, and still surfaces the error', async () => {
    const { frames, store, bump } = counterStore();
    const uncaught = new Promise<unknown>((resolve) => process.once('uncaughtException', resolve));
    const after = vi.fn();
    store.subscribe(() => {
      throw new Error('subscriber failed');
    });
    store.subscribe(after);
    bump();
    frames.runFrame();
    expect(after).toHaveBeenCalledTimes(1);
    expect(await uncaught).toMatchObject({ message: 'subscriber failed' });
  });

  describe('invalidate(atMostEveryMs): streamed text, told at its own pace', () => {
    function pacedStore() {
      vi.useFakeTimers();
      const frames = createManualSchedule();
      let count = 0;
      const store = createFrameStore(() => ({ count }), { schedule: frames.schedule, now: () => Date.now() });
      const listener = vi.fn();
      const unsubscribe = store.subscribe(listener);
      const stream = () => {
        count++;
        store.invalidate(100);
      };
      return { frames, store, listener, stream, unsubscribe };
    }
    afterEach(() => {
      vi.useRealTimers();
    });

    it('tells the first change at the next frame, then at most once per interval however many arrive', () => {
      const { frames, store, listener, stream } = pacedStore();
      stream();
      frames.runFrame();
      expect(listener).toHaveBeenCalledTimes(1);
      // 99 more changes over the next 99 ms, a frame after each: held back, not one notification.
      for (let ms = 1; ms < 100; ms++) {
        vi.advanceTimersByTime(1);
        stream();
        frames.runFrame();
      }
      expect(listener).toHaveBeenCalledTimes(1);
      // Due: the timer asks for the next frame, which tells the latest state once.
      vi.advanceTimersByTime(1);
      expect(frames.runFrame()).toBe(1);
      expect(listener).toHaveBeenCalledTimes(2);
      expect(store.getSnapshot().count).toBe(100);
    });

    it('shows the last change of a burst even when nothing follows it', () => {
      const { frames, listener, stream, store } = pacedStore();
      stream();
      frames.runFrame();
      vi.advanceTimersByTime(10);
      stream();
      frames.runFrame();
      expect(listener).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(90);
      frames.runFrame();
      expect(listener).toHaveBeenCalledTimes(2);
      expect(store.getSnapshot().count).toBe(2);
    });

    it('a change that cannot wait (a new status) brings a held-back one forward to the next frame', () => {
      const { frames, store, listener, stream } = pacedStore();
      stream();
      frames.runFrame();
      vi.advanceTimersByTime(10);
      stream();
      store.invalidate();
      frames.runFrame();
      expect(listener).toHaveBeenCalledTimes(2);
      // The held-back timer went with it: nothing more is told.
      vi.advanceTimersByTime(200);
      expect(frames.runFrame()).toBe(0);
      expect(listener).toHaveBeenCalledTimes(2);
    });

    it('flush, and the last subscriber leaving, cancel a held-back notification', () => {
      const { frames, store, listener, stream, unsubscribe } = pacedStore();
      stream();
      frames.runFrame();
      stream();
      expect(vi.getTimerCount()).toBe(1);
      store.flush();
      expect(listener).toHaveBeenCalledTimes(2);
      expect(vi.getTimerCount()).toBe(0);
      stream();
      expect(vi.getTimerCount()).toBe(1);
      unsubscribe();
      expect(vi.getTimerCount()).toBe(0);
      vi.advanceTimersByTime(200);
      expect(frames.runFrame()).toBe(0);
      expect(listener).toHaveBeenCalledTimes(2);
    });
  });
});
