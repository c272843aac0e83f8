/** The unit a smoothed text is released in: whole words (with the spaces after them) or single graphemes. */
export type TextGranularity = 'word' | 'grapheme';

interface SegmenterLike {
  segment(text: string): Iterable<{ segment: string }>;
}

const segmenters = new Map<TextGranularity, SegmenterLike | null>();

function segmenterFor(granularity: TextGranularity): SegmenterLike | null {
  let segmenter = segmenters.get(granularity);
  if (segmenter === undefined) {
    const Segmenter = (globalThis.Intl as { Segmenter?: typeof Intl.Segmenter } | undefined)?.Segmenter;
    segmenter = Segmenter ? new Segmenter(undefined, { granularity }) : null;
    segmenters.set(granularity, segmenter);
  }
  return segmenter;
}

/**
 * Without Intl.Segmenter (old engines): a grapheme is a code point plus the combining marks, variation
 * selectors, skin tones and zero-width-joined code points that follow it — enough never to cut an emoji or
 * an accented letter in two. A word is a run of non-space characters or a run of spaces.
 */
const EXTEND = '[\\p{M}\\u{FE00}-\\u{FE0F}\\u{1F3FB}-\\u{1F3FF}]';
const FALLBACK_GRAPHEME = new RegExp(`.${EXTEND}*(?:\\u200D.${EXTEND}*)*`, 'gsu');
const FALLBACK_WORD = /\s+|\S+/gu;

/**
 * Splits text into the segments of the given granularity. Joined, the segments are the text again; no segment
 * boundary falls inside a UTF-16 surrogate pair or a grapheme cluster (emoji sequences, combining marks).
 */
export function segmentText(text: string, granularity: TextGranularity): string[] {
  if (text === '') return [];
  const segmenter = segmenterFor(granularity);
  if (segmenter) {
    if (granularity === 'grapheme') return Array.from(segmenter.segment(text), (s) => s.segment);
    return joinSpacesToWords(Array.from(segmenter.segment(text), (s) => s.segment));
  }
  return segmentTextWithoutIntl(text, granularity);
}

/** The fallback, exported for its tests: every engine Gemkit's tests run on has Intl.Segmenter. */
export function segmentTextWithoutIntl(text: string, granularity: TextGranularity): string[] {
  return text.match(granularity === 'grapheme' ? FALLBACK_GRAPHEME : FALLBACK_WORD) ?? [];
}

/**
 * Intl's word segments put every space and punctuation mark on its own; a word followed by its spaces reads
 * better as one unit when released at a steady pace ("Hello, " rather than "Hello" "," " ").
 */
function joinSpacesToWords(segments: string[]): string[] {
  const joined: string[] = [];
  for (const segment of segments) {
    const last = joined.length - 1;
    if (last >= 0 && /^[\s\p{P}]+$/u.test(segment)) joined[last] += segment;
    else joined.push(segment);
  }
  return joined;
}
