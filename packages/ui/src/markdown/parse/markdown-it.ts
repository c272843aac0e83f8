import type { Token } from 'markdown-it';
import MarkdownIt from 'markdown-it';

/**
 * The one configured parser. markdown-it was chosen over marked and micromark after measuring them on
 * cmark's pathological-input suite (bench/markdown-parsers): marked overflowed the stack on nested
 * emphasis, block quotes and lists and took seconds on backtick runs; micromark took tens of seconds
 * on several cases; markdown-it stayed linear on every case and is CommonMark-compliant, with GFM
 * tables and strikethrough built in, line maps on block tokens, and entity decoding.
 *
 * - `html: false`: model output is untrusted, raw HTML stays text.
 * - `linkify` with `fuzzyLink: false`: bare `https://…` URLs become links, `file.py` does not.
 * - `maxNesting`: bounds recursion for adversarial nesting; blocks that reach it degrade to plain
 *   text (see `reachesNestingLimit`).
 */
export const MAX_NESTING = 40;

export const md = new MarkdownIt({ html: false, linkify: true, typographer: false, maxNesting: MAX_NESTING });
md.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });
// Links with a scheme are found by the inline `linkify` rule, which runs wherever we parse inline text.
// The core rule would only add what the inline one misses (fuzzy links, which are off, and a few
// corner cases); turning it off keeps `md.render` and our own inline parsing in agreement.
md.core.ruler.disable('linkify');

export type { Token };

/** Link reference definitions, as markdown-it keeps them in `env.references`. */
export type References = Record<string, { href: string; title: string }>;

// A type alias (not an interface) so that it fits markdown-it's index-signature `Env`.
export type ParseEnv = { references: References };

/** What markdown-it's `normalize` core rule does, applied to the slices we parse ourselves. */
export function normalizeSource(src: string): string {
  return src.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
}

/** Block structure only; inline content is parsed later, and only for what is frozen or shown. */
export function parseBlockTokens(src: string, env: ParseEnv): Token[] {
  const tokens: Token[] = [];
  md.block.parse(src, md, env, tokens);
  return tokens;
}

export function parseInlineTokens(src: string, env: ParseEnv): Token[] {
  const tokens: Token[] = [];
  md.inline.parse(src, md, env, tokens);
  return joinText(tokens);
}

/**
 * What markdown-it's `text_join` core rule does: escapes and entities arrive as `text_special` tokens;
 * make them text and merge neighbouring text tokens (fewer React text nodes).
 */
function joinText(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const token of tokens) {
    if (token.type === 'text_special') token.type = 'text';
    const previous = out[out.length - 1];
    if (token.type === 'text' && previous?.type === 'text') previous.content += token.content;
    else out.push(token);
  }
  return out;
}

/** Fills `children` of every `inline` token, as markdown-it's `inline` core rule does. */
export function parseInlineChildren(tokens: readonly Token[], env: ParseEnv): void {
  for (const token of tokens) {
    if (token.type === 'inline') token.children = parseInlineTokens(token.content, env);
  }
}
