import { describe, expect, it } from 'vitest';
import { segmentText, segmentTextWithoutIntl } from './segment-text.js';

const FAMILY = '👨‍👩‍👧‍👦';
const FLAG = '🇯🇵';
const THUMBS = '👍🏽';
const TRICKY = `Café ${FAMILY} e\u0301 ${FLAG}${THUMBS} 漢字 ok.`;

/** True when no segment starts with a lone low surrogate, a combining mark or a joiner. */
function cleanBoundaries(segments: string[]): boolean {
  return segments.every((segment) => {
    const first = segment.codePointAt(0) ?? 0;
    const lowSurrogate = first >= 0xdc00 && first <= 0xdfff;
    const skinTone = first >= 0x1f3fb && first <= 0x1f3ff;
    return !lowSurrogate && !skinTone && first !== 0x200d && first !== 0xfe0f && !/^\p{M}/u.test(segment);
  });
}

describe('segmentText', () => {
  for (const segment of [segmentText, segmentTextWithoutIntl]) {
    describe(segment.name, () => {
      it('splits graphemes without cutting emoji sequences, flags, skin tones or combining marks', () => {
        const graphemes = segment(TRICKY, 'grapheme');
        expect(graphemes.join('')).toBe(TRICKY);
        expect(graphemes).toContain(FAMILY);
        expect(graphemes).toContain(THUMBS);
        expect(graphemes).toContain('e\u0301');
        expect(cleanBoundaries(graphemes)).toBe(true);
      });

      it('splits words, each with the spaces after it, rejoining to the text', () => {
        const words = segment('Hello,  big world!', 'word');
        expect(words.join('')).toBe('Hello,  big world!');
        expect(words.length).toBeGreaterThanOrEqual(3);
        expect(cleanBoundaries(segment(TRICKY, 'word'))).toBe(true);
      });

      it('returns nothing for empty text', () => {
        expect(segment('', 'word')).toEqual([]);
        expect(segment('', 'grapheme')).toEqual([]);
      });
    });
  }

  it('with Intl, keeps a flag as one grapheme and a word with its trailing punctuation and space', () => {
    expect(segmentText(FLAG + FLAG, 'grapheme')).toEqual([FLAG, FLAG]);
    expect(segmentText('Hello, world', 'word')).toEqual(['Hello, ', 'world']);
  });
});
