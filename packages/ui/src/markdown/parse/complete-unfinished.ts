import { applyDelimiterRun, isEmphasisRun, type Opener, runEnd } from './delimiters';

/**
 * Display-only repair of the still-streaming tail, so unfinished syntax renders as what it is about to
 * become instead of flashing raw markers: a dangling `**bold` renders bold, an open `` `code `` renders
 * as code, `[text](https://partial` renders as a link, a half-written image is hidden until its URL is
 * complete, and a table whose header has arrived renders as a table. The repaired text is never frozen:
 * once more text arrives the tail is parsed again from the real source.
 */

/** Emphasis and strikethrough openers left unmatched in `text`, skipping code spans. */
function unmatchedOpeners(text: string): Opener[] {
  const stack: Opener[] = [];
  let codeRun = 0;
  for (let i = 0; i < text.length; ) {
    const c = text[i] as string;
    if (c === '\\') {
      i += 2;
      continue;
    }
    const end = runEnd(text, i);
    if (c === '`') {
      if (codeRun === 0) codeRun = end - i;
      else if (codeRun === end - i) codeRun = 0;
    } else if (codeRun === 0 && isEmphasisRun(c, end - i)) {
      applyDelimiterRun(stack, text, i, end);
    }
    i = end;
  }
  return stack;
}

/** An inline code span still open at the end: its backtick run length, else 0. */
function openCodeSpan(text: string): { length: number; at: number } {
  let open = { length: 0, at: -1 };
  for (let i = 0; i < text.length; ) {
    if (text[i] === '\\') {
      i += 2;
      continue;
    }
    if (text[i] !== '`') {
      i++;
      continue;
    }
    let end = i + 1;
    while (text[end] === '`') end++;
    if (open.length === 0) open = { length: end - i, at: i };
    else if (open.length === end - i) open = { length: 0, at: -1 };
    i = end;
  }
  return open;
}

const PARTIAL_IMAGE = /!\[[^\]\n]*(?:\]\([^)\n]*)?$|!$/;
const TRAILING_DELIMITER = /(?<=^|\s)[*_~]+$/;
const PARTIAL_LINK_URL = /\[[^\]\n]*\]\([^)\s]*$/;

/** Repairs the inline syntax at the end of one paragraph's text (see the module comment). */
export function completeInline(text: string): string {
  let out = text.trimEnd();
  const code = openCodeSpan(out);
  if (code.length > 0) {
    if (out.slice(code.at + code.length).trim() === '') out = out.slice(0, code.at).trimEnd();
    else return closeEmphasis(out.slice(0, code.at), `${out}${'`'.repeat(code.length)}`);
  }
  out = out.replace(PARTIAL_IMAGE, '').trimEnd();
  // A delimiter run at the very end after a space (`Hello **`) has nothing to wrap yet.
  out = out.replace(TRAILING_DELIMITER, '').trimEnd();
  if (PARTIAL_LINK_URL.test(out)) out += ')';
  return closeEmphasis(out, out);
}

/** Appends closers for the openers left in `scanned` to `text` (which starts with `scanned`). */
function closeEmphasis(scanned: string, text: string): string {
  const openers = unmatchedOpeners(scanned);
  let out = text;
  const last = openers[openers.length - 1];
  // A delimiter with nothing after it yet (`hello **`) is not shown at all.
  if (last && last.at + last.length >= scanned.trimEnd().length && text === scanned) {
    openers.pop();
    out = out.slice(0, last.at).trimEnd();
  }
  for (let i = openers.length - 1; i >= 0; i--) {
    const opener = openers[i] as Opener;
    out += opener.char.repeat(opener.length);
  }
  return out;
}

const TABLE_ROW = /^ {0,3}\|/;
const PARTIAL_DELIMITER_ROW = /^ {0,3}\|?[\s:|-]*$/;

function columnCount(row: string): number {
  const cells = row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|');
  return Math.max(1, cells.length);
}

const delimiterRow = (columns: number) => `|${' --- |'.repeat(columns)}`;

/**
 * Repairs the end of a block's source: a table header without (or with half) its delimiter row gets a
 * full one, and the inline syntax of the last line is closed. Text inside an unclosed code fence is
 * left alone: it is code.
 */
export function completeBlockSource(source: string): string {
  const fences = source.match(/^ {0,3}(?:```|~~~)/gm)?.length ?? 0;
  if (fences % 2 === 1) return source;
  const lines = source.replace(/\n+$/, '').split('\n');
  const last = lines[lines.length - 1] ?? '';
  const previous = lines[lines.length - 2];
  if (
    previous !== undefined &&
    TABLE_ROW.test(previous) &&
    TABLE_ROW.test(last) &&
    PARTIAL_DELIMITER_ROW.test(last)
  ) {
    lines[lines.length - 1] = delimiterRow(columnCount(previous));
    return lines.join('\n');
  }
  if ((previous === undefined || previous.trim() === '') && TABLE_ROW.test(last) && last.trim().length > 1) {
    lines.push(delimiterRow(columnCount(last)));
    return lines.join('\n');
  }
  // Close the inline syntax of the last line only: emphasis does not span blocks, and a list item or
  // heading is one line in the common case.
  const markerMatch = /^(?: {0,3}(?:>\s?|[-*+]\s+|\d{1,9}[.)]\s+|#{1,6}\s+))*/.exec(last);
  const marker = markerMatch?.[0] ?? '';
  const completed = completeInline(last.slice(marker.length));
  lines[lines.length - 1] = marker + completed;
  return lines.join('\n');
}
