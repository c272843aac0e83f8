import { describe, expect, it, vi } from 'vitest';
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
});
