import type { CodeGroup } from './types';

/** Characters per frozen group of a streaming code block. */
export const CODE_GROUP_CHARS = 1024;

/** A top-level fenced code block still waiting for its closing fence. */
export interface OpenFence {
  readonly kind: 'fence';
  readonly key: string;
  readonly language: string;
  readonly marker: string;
  readonly markerLength: number;
  /** Spaces before the opening fence: that much indentation is removed from each content line. */
  readonly indent: number;
  readonly contentStart: number;
  /** Start of the first line not yet checked for a closing fence. */
  scanFrom: number;
  /** Content before this offset is frozen in `groups`. */
  groupEnd: number;
  groupEndAtLineStart: boolean;
  readonly groups: CodeGroup[];
}

/** markdown-it's closing-fence test: up to 3 spaces, at least as many marker characters, then blanks. */
export function isClosingFence(src: string, from: number, to: number, fence: OpenFence): boolean {
  let i = from;
  while (i < to && i - from < 4 && src[i] === ' ') i++;
  if (i - from >= 4) return false;
  const runStart = i;
  while (i < to && src[i] === fence.marker) i++;
  if (i - runStart < fence.markerLength) return false;
  while (i < to && (src[i] === ' ' || src[i] === '\t')) i++;
  return i === to;
}

/** Could this unfinished last line still become a closing fence? Then it is not shown yet. */
export function mayBecomeClosingFence(line: string, fence: OpenFence): boolean {
  return new RegExp(`^ {0,3}\\${fence.marker}*[ \\t]*$`).test(line);
}

/** The code text of [from, to), with the fence's indentation removed from each line start. */
export function codeText(
  src: string,
  from: number,
  to: number,
  fence: OpenFence,
  atLineStart: boolean,
): string {
  const text = src.slice(from, to);
  if (fence.indent === 0) return text;
  return text
    .split('\n')
    .map((line, index) => (index > 0 || atLineStart ? stripIndent(line, fence.indent) : line))
    .join('\n');
}

/**
 * Removes `indent` columns of leading whitespace as markdown-it does: a tab reaches the next multiple
 * of 4 columns, and the part of a tab beyond `indent` is kept as spaces (so " ```" then "\ta" gives
 * "   a").
 */
function stripIndent(line: string, indent: number): string {
  let columns = 0;
  let i = 0;
  while (i < line.length && columns < indent) {
    const char = line[i];
    if (char === ' ') columns++;
    else if (char === '\t') columns += 4 - (columns % 4);
    else break;
    i++;
  }
  return columns > indent ? ' '.repeat(columns - indent) + line.slice(i) : line.slice(i);
}

/**
 * Freezes the complete lines that arrived since the last group once there are enough of them; a
 * single enormous line is split mid-line (harmless inside `<pre>`) unless it could still be a fence.
 */
export function growGroups(src: string, fence: OpenFence): void {
  const completeLines = fence.scanFrom - fence.groupEnd;
  let cut = -1;
  if (completeLines >= CODE_GROUP_CHARS) cut = fence.scanFrom;
  else if (
    src.length - fence.scanFrom >= CODE_GROUP_CHARS &&
    !mayBecomeClosingFence(src.slice(fence.scanFrom), fence)
  )
    cut = src.length;
  if (cut === -1) return;
  fence.groups.push({
    key: `${fence.key}:g${fence.groupEnd}`,
    text: codeText(src, fence.groupEnd, cut, fence, fence.groupEndAtLineStart),
  });
  fence.groupEndAtLineStart = cut === fence.scanFrom;
  fence.groupEnd = cut;
}
