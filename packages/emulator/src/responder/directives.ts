/**
 * Directives a prompt can carry to steer the default responder, e.g. `[emulator: words=2000]` or
 * `[emulator: echo]`. They are removed from the text the responder quotes back.
 *
 * - `words=N`: answer with about N words (at least N, within a sentence or so; N from 1 to 20000).
 * - `echo`: answer with the user's text, verbatim.
 * - `call=NAME` (several: `call=a,b` or repeated): when the request declares these functions in `tools`,
 *   answer with function calls instead of text (status `requires_action`), then, once the results come
 *   back, with text that quotes them.
 * - `rounds=N`: call the functions again after each of the first N−1 batches of results (default 1),
 *   as a model that needs several steps does.
 * - `preamble`: a short sentence before the function calls.
 */
export interface Directives {
  words?: number;
  echo?: boolean;
  call?: string[];
  rounds?: number;
  preamble?: boolean;
}

const DIRECTIVE = /\[emulator:([^\]]*)\]/gi;
const MAX_WORDS = 20_000;
const MAX_ROUNDS = 100;

export function parseDirectives(text: string): { directives: Directives; text: string } {
  const directives: Directives = {};
  for (const match of text.matchAll(DIRECTIVE)) {
    // `call=a,b` lists names with the same commas that separate directives: a bare word after a call
    // (one that is not a flag) is one more function name.
    let listing = false;
    for (const item of (match[1] ?? '').split(/[\s,;]+/).filter(Boolean)) {
      const [rawKey = '', rawValue] = item.split('=', 2);
      const key = rawKey.trim().toLowerCase();
      const value = rawValue?.trim();
      const isFlag = value === undefined && FLAGS.has(key);
      if (value === undefined && !isFlag && listing) {
        directives.call?.push(rawKey.trim());
        continue;
      }
      listing = key === 'call' && value !== undefined && value !== '';
      if (listing) directives.call = [...(directives.call ?? []), value as string];
      if (key === 'echo') directives.echo = true;
      if (key === 'preamble') directives.preamble = true;
      if (key === 'words') directives.words = boundedInteger(value, MAX_WORDS) ?? directives.words;
      if (key === 'rounds') directives.rounds = boundedInteger(value, MAX_ROUNDS) ?? directives.rounds;
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

const FLAGS = new Set(['echo', 'preamble']);

function boundedInteger(value: string | undefined, max: number): number | undefined {
  const n = Number(value);
  return value !== undefined && Number.isInteger(n) && n >= 1 ? Math.min(n, max) : undefined;
}
