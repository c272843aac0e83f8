import type { Token } from './markdown-it';
import type { InlineChunk } from './types';

/**
 * Inline tokens per rendered chunk. A long paragraph parsed in one go (a finished answer, or a
 * paragraph whose streamed chunks had to be re-parsed) is still rendered by several memoized
 * components, so no single component holds an unbounded number of elements.
 */
export const MAX_TOKENS_PER_CHUNK = 256;

/**
 * A chunk that cannot be split below this (one top-level construct holding that many tokens, such as
 * `'**a**'.repeat(16000)`, which nests) is adversarial: the paragraph is shown as its source text.
 */
export const MAX_TOKENS_UNSPLITTABLE = 2048;
const PLAIN_CHUNK_CHARS = 2048;

export function chunkInlineTokens(
  tokens: readonly Token[],
  keyPrefix: string,
  source: string,
): InlineChunk[] {
  if (tokens.length <= MAX_TOKENS_PER_CHUNK) return [{ key: `${keyPrefix}:t0`, tokens }];
  const chunks: InlineChunk[] = [];
  let start = 0;
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    // Split only between top-level tokens: an open tag and its close stay in one chunk.
    if (i - start >= MAX_TOKENS_PER_CHUNK && token.level === 0 && token.nesting !== -1) {
      chunks.push({ key: `${keyPrefix}:t${start}`, tokens: tokens.slice(start, i) });
      start = i;
    }
  }
  chunks.push({ key: `${keyPrefix}:t${start}`, tokens: tokens.slice(start) });
  if (chunks.some((chunk) => chunk.tokens.length > MAX_TOKENS_UNSPLITTABLE))
    return plainChunks(source, keyPrefix);
  return chunks;
}

function plainChunks(source: string, keyPrefix: string): InlineChunk[] {
  const chunks: InlineChunk[] = [];
  for (let i = 0; i < source.length; i += PLAIN_CHUNK_CHARS) {
    chunks.push({ key: `${keyPrefix}:p${i}`, tokens: [], text: source.slice(i, i + PLAIN_CHUNK_CHARS) });
  }
  return chunks;
}
