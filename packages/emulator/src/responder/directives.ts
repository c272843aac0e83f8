/**
 * Directives a prompt can carry to steer the default responder, e.g. `[emulator: words=2000]` or
 * `[emulator: echo]`. They are removed from the text the responder quotes back.
 *
 * - `words=N`: answer with about N words (at least N, within a sentence or so; N from 1 to 20000).
 * - `echo`: answer with the user's text, verbatim.
 */
export interface Directives {
  words?: number;
  echo?: boolean;
}

const DIRECTIVE = /\[emulator:([^\]]*)\]/gi;
const MAX_WORDS = 20_000;

export function parseDirectives(text: string): { directives: Directives; text: string } {
  const directives: Directives = {};
  for (const match of text.matchAll(DIRECTIVE)) {
    for (const item of (match[1] ?? '').split(/[\s,;]+/).filter(Boolean)) {
      const [key, value] = item.split('=', 2).map((s) => s.trim().toLowerCase());
      if (key === 'echo') directives.echo = true;
      if (key === 'words' && value !== undefined) {
        const n = Number(value);
        if (Number.isInteger(n) && n >= 1) directives.words = Math.min(n, MAX_WORDS);
      }
    }
  }
  return {
    directives,
    text: text
      .replace(DIRECTIVE, '')
      .replace(/[ \t]{2,}/g, ' ')
      .trim(),
  };
}
