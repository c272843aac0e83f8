import { applyDelimiterRun, isEmphasisRun, type Opener, runEnd } from './delimiters';

/**
 * Where to split the still-open part of a streaming paragraph so that the part before the split can be
 * parsed once and frozen. A split is good when no inline construct is open across it: backticks,
 * brackets, parentheses, angle brackets and emphasis delimiters are balanced before it. That is a
 * cheap approximation of the inline grammar; exactness comes from `closeParagraph`, which re-parses
 * the whole paragraph once when it ends and replaces the chunks only if they differ.
 *
 * Splits are made after a space and before a visible character, never at a line start and never in
 * a line holding a `|` (such a line can still turn into a table header). With `force` (the open part is
 * long, or dense with markup), a split is made even where nothing balances. Returns -1 for no split.
 */
export const PARAGRAPH_CUT_MIN = 256;
export const PARAGRAPH_CUT_FORCE = 1024;
const MIN_CHUNK = 64;

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n';

export function findParagraphCut(content: string, force = content.length >= PARAGRAPH_CUT_FORCE): number {
  const openers: Opener[] = [];
  let codeRun = 0;
  let brackets = 0;
  let parens = 0;
  let angles = 0;
  let best = -1;
  let fallback = -1;
  let bestBeforeLine = -1;
  let fallbackBeforeLine = -1;
  let lineStart = 0;
  for (let i = 0; i < content.length - 1; i++) {
    const c = content[i] as string;
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '`' || c === '*' || c === '_' || c === '~') {
      const end = runEnd(content, i);
      if (c === '`') {
        if (codeRun === 0) codeRun = end - i;
        else if (codeRun === end - i) codeRun = 0;
      } else if (codeRun === 0 && isEmphasisRun(c, end - i)) {
        applyDelimiterRun(openers, content, i, end);
      }
      i = end - 1;
      continue;
    }
    if (c === '\n') {
      lineStart = i + 1;
      bestBeforeLine = best;
      fallbackBeforeLine = fallback;
      continue;
    }
    if (c === '|') {
      // This line may become a table header: no split inside it.
      if (best >= lineStart) best = bestBeforeLine;
      if (fallback >= lineStart) fallback = fallbackBeforeLine;
      lineStart = Number.POSITIVE_INFINITY;
      continue;
    }
    if (codeRun > 0) continue;
    if (c === '[') brackets++;
    else if (c === ']') brackets = Math.max(0, brackets - 1);
    else if (c === '(') parens++;
    else if (c === ')') parens = Math.max(0, parens - 1);
    else if (c === '<' && !isSpace(content[i + 1])) angles++;
    else if (c === '>') angles = Math.max(0, angles - 1);
    else if (c === ' ' && !isSpace(content[i + 1]) && i >= MIN_CHUNK && lineStart <= i) {
      fallback = i + 1;
      if (openers.length === 0 && brackets === 0 && parens === 0 && angles === 0) best = i + 1;
    }
  }
  if (best > 0) return best;
  if (!force) return -1;
  if (fallback > 0) return fallback;
  // No space to split at: split anywhere, but not in the last two lines if they hold a `|` (one of
  // them may be a table header still), not at a line start and not inside a surrogate pair.
  let p = Math.min(content.length - 1, pipeGuard(content) - 1);
  const code = content.charCodeAt(p);
  if (code >= 0xdc00 && code <= 0xdfff) p--;
  while (p > 1 && (content[p - 1] === '\n' || content[p] === '\n')) p--;
  return p > 1 ? p : -1;
}

/** Start of the earlier of the last two lines that contain a `|`, or the length when neither does. */
function pipeGuard(content: string): number {
  const lastBreak = content.lastIndexOf('\n');
  const previousBreak = lastBreak > 0 ? content.lastIndexOf('\n', lastBreak - 1) : -1;
  const lastLine = lastBreak + 1;
  const previousLine = previousBreak + 1;
  if (lastBreak >= 0 && content.slice(previousLine, lastBreak).includes('|')) return previousLine;
  if (content.slice(lastLine).includes('|')) return lastLine;
  return content.length;
}
