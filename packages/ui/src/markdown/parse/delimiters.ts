/**
 * A small model of CommonMark's emphasis delimiters, enough to tell whether an emphasis or
 * strikethrough opener is still waiting for its closer. Used to find safe split points in a streaming
 * paragraph and to close dangling markers for display; markdown-it does the real parsing.
 */

const isWhitespace = (c: string | undefined) => c === undefined || /\s/u.test(c);
const isPunctuation = (c: string | undefined) => c !== undefined && /[\p{P}\p{S}]/u.test(c);

export interface Opener {
  readonly char: string;
  length: number;
  readonly at: number;
}

/** Left/right-flanking rules for the delimiter run at [start, end) of `text`. */
function flanking(text: string, start: number, end: number, char: string) {
  const before = text[start - 1];
  const after = text[end];
  const left =
    !isWhitespace(after) && (!isPunctuation(after) || isWhitespace(before) || isPunctuation(before));
  const right =
    !isWhitespace(before) && (!isPunctuation(before) || isWhitespace(after) || isPunctuation(after));
  if (char === '_') {
    return {
      canOpen: left && (!right || isPunctuation(before)),
      canClose: right && (!left || isPunctuation(after)),
    };
  }
  return { canOpen: left, canClose: right };
}

/** Is `char` an emphasis/strikethrough delimiter in a run of `length`? (`~` only as `~~`.) */
export const isEmphasisRun = (char: string, length: number) =>
  char === '*' || char === '_' || (char === '~' && length === 2);

/** Applies the delimiter run at [start, end) to the stack of unmatched openers. */
export function applyDelimiterRun(stack: Opener[], text: string, start: number, end: number): void {
  const char = text[start] as string;
  const { canOpen, canClose } = flanking(text, start, end, char);
  let remaining = end - start;
  if (canClose) {
    for (let s = stack.length - 1; s >= 0; s--) {
      const opener = stack[s] as Opener;
      if (opener.char !== char) continue;
      const used = Math.min(opener.length, remaining);
      opener.length -= used;
      remaining -= used;
      if (opener.length === 0) stack.splice(s, 1);
      break;
    }
  }
  if (canOpen && remaining > 0) stack.push({ char, length: remaining, at: start });
}

/** End of the run of `text[start]` characters starting at `start`. */
export function runEnd(text: string, start: number): number {
  let end = start + 1;
  while (text[end] === text[start]) end++;
  return end;
}
