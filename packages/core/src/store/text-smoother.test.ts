import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentText } from './segment-text.js';
import { TextSmoother } from './text-smoother.js';

describe('TextSmoother', () => {
  it('releases a burst at a steady pace instead of all at once', () => {
    const smoother = new TextSmoother({ granularity: 'word', pace: 10, maxLagMs: 100_000 });
    smoother.setTarget('one two three four five six ', false);
    smoother.advance(100); // 10 words per second: one word per 100 ms
    expect(smoother.text).toBe('one ');
    smoother.advance(200);
    expect(smoother.text).toBe('one two three ');
    expect(smoother.settled).toBe(false);
  });

  it('holds back the last segment while streaming: it may be half a word', () => {
    const smoother = new TextSmoother({ granularity: 'word', pace: 1000 });
    smoother.setTarget('Hello wor', false);
    smoother.advance(1000);
    expect(smoother.text).toBe('Hello ');
    smoother.setTarget('Hello world', true);
    smoother.advance(1000);
    expect(smoother.text).toBe('Hello world');
    expect(smoother.settled).toBe(true);
  });

  it('never shows half an emoji sequence whose joiner arrives in a later chunk', () => {
    const smoother = new TextSmoother({ granularity: 'grapheme', pace: 1000 });
    smoother.setTarget('a👨', false);
    smoother.advance(1000);
    expect(smoother.text).toBe('a');
    smoother.setTarget('a👨‍👩‍👧', false);
    smoother.advance(1000);
    expect(smoother.text).toBe('a');
    smoother.setTarget('a👨‍👩‍👧!', true);
    smoother.advance(1000);
    expect(smoother.text).toBe('a👨‍👩‍👧!');
  });

  it('speeds up when it falls behind, so the lag stays bounded', () => {
    const smoother = new TextSmoother({ granularity: 'word', pace: 1, maxLagMs: 1000 });
    smoother.setTarget('w '.repeat(500), true);
    smoother.advance(1000);
    expect(smoother.settled).toBe(true);
  });

  it('does not bank idle time into a burst for text that comes later', () => {
    const smoother = new TextSmoother({ granularity: 'word', pace: 10, maxLagMs: 100_000 });
    smoother.setTarget('a ', false);
    smoother.advance(10_000);
    smoother.setTarget('a b c d e f g ', false);
    smoother.advance(100);
    expect(smoother.text.length).toBeLessThanOrEqual('a b c '.length);
  });

  it('starts over when the text is replaced rather than continued, and can skip to the end', () => {
    const smoother = new TextSmoother({ granularity: 'word', pace: 1000 });
    smoother.setTarget('first answer', true);
    smoother.advance(1000);
    smoother.setTarget('second', false);
    expect(smoother.text).toBe('');
    smoother.skipToEnd();
    expect(smoother.text).toBe('second');
    expect(smoother.behind).toBe(false);
  });

  it('ignores a negative or NaN pace and elapsed time', () => {
    const smoother = new TextSmoother({ pace: Number.NaN, maxLagMs: -1 });
    smoother.setTarget('a b', true);
    expect(smoother.advance(-50)).toBe(false);
    smoother.advance(10_000);
    expect(smoother.text).toBe('a b');
  });

  it('for any chunking of any text, every shown text is a prefix on grapheme boundaries and ends complete', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.constantFrom('👨‍👩‍👧', '🇯🇵', 'e\u0301', ' ', '漢字', '👍🏽')), {
          maxLength: 30,
        }),
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 10 }),
        fc.constantFrom('word' as const, 'grapheme' as const),
        (pieces, steps, granularity) => {
          const full = pieces.join('');
          const boundaries = new Set<number>([0]);
          let offset = 0;
          for (const g of segmentText(full, 'grapheme')) {
            offset += g.length;
            boundaries.add(offset);
          }
          const smoother = new TextSmoother({ granularity, pace: 50 });
          let received = '';
          pieces.forEach((piece, i) => {
            received += piece;
            smoother.setTarget(received, i === pieces.length - 1);
            smoother.advance(steps[i % steps.length] ?? 16);
            expect(received.startsWith(smoother.text)).toBe(true);
            // Measured in the complete text, where later chunks can no longer change a boundary.
            expect(boundaries.has(smoother.text.length)).toBe(true);
          });
          smoother.setTarget(full, true);
          for (let i = 0; i < 10_000 && !smoother.settled; i++) smoother.advance(16);
          expect(smoother.text).toBe(full);
        },
      ),
    );
  });
});
