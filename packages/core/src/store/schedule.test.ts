import { afterEach, describe, expect, it, vi } from 'vitest';
import { createManualSchedule, frameSchedule, microtaskSchedule } from './schedule.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('frameSchedule', () => {
  it('uses requestAnimationFrame where the environment has it, and can cancel it', () => {
    const frames: (() => void)[] = [];
    const cancelled: number[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb));
    vi.stubGlobal('cancelAnimationFrame', (handle: number) => cancelled.push(handle));
    const task = vi.fn();
    const cancel = frameSchedule(task);
    expect(frames).toHaveLength(1);
    frames[0]?.();
    expect(task).toHaveBeenCalledTimes(1);
    cancel();
    expect(cancelled).toEqual([1]);
  });

  it('falls back to a timer without requestAnimationFrame (Node), and can cancel it', async () => {
    expect(typeof (globalThis as { requestAnimationFrame?: unknown }).requestAnimationFrame).toBe(
      'undefined',
    );
    const ran = await new Promise<boolean>((resolve) => frameSchedule(() => resolve(true)));
    expect(ran).toBe(true);
    const task = vi.fn();
    frameSchedule(task)();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(task).not.toHaveBeenCalled();
  });
});

describe('microtaskSchedule', () => {
  it('runs after the current synchronous work unless cancelled', async () => {
    const order: string[] = [];
    microtaskSchedule(() => order.push('scheduled'));
    microtaskSchedule(() => order.push('cancelled'))();
    order.push('sync');
    await Promise.resolve();
    expect(order).toEqual(['sync', 'scheduled']);
  });
});

describe('createManualSchedule', () => {
  it('runs due tasks per frame; a task scheduled during a frame waits for the next', () => {
    const frames = createManualSchedule();
    const order: string[] = [];
    frames.schedule(() => {
      order.push('a');
      frames.schedule(() => order.push('b'));
    });
    frames.schedule(() => order.push('cancelled'))();
    expect(frames.runFrame()).toBe(1);
    expect(order).toEqual(['a']);
    expect(frames.pending).toBe(1);
    frames.runFrame();
    expect(order).toEqual(['a', 'b']);
  });
});
