/**
 * Splits text into stream deltas of about `size` characters. A chunk ends after whitespace when one is
 * near its end, like tokens do, and never inside a surrogate pair.
 */
export function chunkText(text: string, size: number): string[] {
  const chars = Array.from(text);
  const chunks: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let end = Math.min(start + size, chars.length);
    if (end < chars.length) {
      const floor = start + Math.ceil((size * 2) / 3);
      for (let i = end; i > floor; i--) {
        if (/\s/.test(chars[i - 1] ?? '')) {
          end = i;
          break;
        }
      }
    }
    chunks.push(chars.slice(start, end).join(''));
    start = end;
  }
  return chunks;
}
