/** Offsets where each line of `src` starts; index `n` (one past the last line) is `src.length`. */
export function lineStarts(src: string): number[] {
  const starts = [0];
  for (let i = src.indexOf('\n'); i !== -1; i = src.indexOf('\n', i + 1)) starts.push(i + 1);
  if (starts[starts.length - 1] !== src.length) starts.push(src.length);
  return starts;
}

/** Number of lines of `src` that end with a newline (the last, unterminated line is still arriving). */
export function completeLineCount(src: string, final: boolean): number {
  let count = 0;
  for (let i = src.indexOf('\n'); i !== -1; i = src.indexOf('\n', i + 1)) count++;
  return final && src.length > 0 && !src.endsWith('\n') ? count + 1 : count;
}
