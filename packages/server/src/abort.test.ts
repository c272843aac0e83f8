import { describe, expect, it } from 'vitest';
import { Abort } from './abort.js';

describe('Abort', () => {
  it('calls each listener once, with the reason, and only the first abort counts', () => {
    const abort = new Abort();
    const heard: unknown[] = [];
    abort.onAbort((reason) => heard.push(['a', reason]));
    abort.onAbort((reason) => heard.push(['b', reason]));
    expect(abort.aborted).toBe(false);
    expect(abort.reason).toBeUndefined();

    abort.abort('gone');
    abort.abort('again');
    expect(heard).toEqual([
      ['a', 'gone'],
      ['b', 'gone'],
    ]);
    expect(abort.aborted).toBe(true);
    expect(abort.reason).toBe('gone');
  });

  it('tells a listener that comes after the abort straight away', () => {
    const abort = new Abort();
    abort.abort('gone');
    const heard: unknown[] = [];
    abort.onAbort((reason) => heard.push(reason));
    expect(heard).toEqual(['gone']);
  });

  it('does not call a listener that stopped listening', () => {
    const abort = new Abort();
    const heard: string[] = [];
    const stop = abort.onAbort(() => heard.push('stopped one'));
    abort.onAbort(() => heard.push('kept one'));
    stop();
    abort.abort();
    expect(heard).toEqual(['kept one']);
  });

  it('aborts with an AbortError when given no reason, as a signal does', () => {
    const abort = new Abort();
    abort.abort();
    expect(abort.reason).toBeInstanceOf(DOMException);
    expect((abort.reason as DOMException).name).toBe('AbortError');
  });

  it('makes a signal that follows it, whether asked for before or after the abort', () => {
    const before = new Abort();
    const early = before.signal;
    expect(early.aborted).toBe(false);
    before.abort('gone');
    expect(early.aborted).toBe(true);
    expect(early.reason).toBe('gone');
    expect(before.signal).toBe(early);

    const after = new Abort();
    after.abort('left');
    expect(after.signal.aborted).toBe(true);
    expect(after.signal.reason).toBe('left');
  });
});
