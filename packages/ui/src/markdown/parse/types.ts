import type { Token } from './markdown-it';

/**
 * The parsed document, as the renderer receives it. Every object here is immutable once produced: a
 * frozen block (or chunk, or code group) is the same object in every later snapshot, which is what lets
 * `React.memo` skip it while the answer keeps streaming.
 */

/** A run of a paragraph's inline tokens, rendered by one memoized component. */
export interface InlineChunk {
  readonly key: string;
  readonly tokens: readonly Token[];
  /** Set instead of tokens when the markup was too heavy to render as structure: shown as this text. */
  readonly text?: string;
}

/** A run of a code block's text, rendered by one memoized component. */
export interface CodeGroup {
  readonly key: string;
  readonly text: string;
}

interface BlockBase {
  /** Stable for the block's lifetime: derived from its source offset. */
  readonly key: string;
  /** True for the last block while the answer is still streaming: it may change on the next delta. */
  readonly open: boolean;
}

export interface ParagraphBlock extends BlockBase {
  readonly kind: 'paragraph';
  readonly chunks: readonly InlineChunk[];
}

export interface CodeBlock extends BlockBase {
  readonly kind: 'code';
  readonly language: string;
  /** The whole code; for an open block, what has arrived so far. */
  readonly code: string;
  readonly groups: readonly CodeGroup[];
  /** The closing fence arrived (or the answer ended). Highlighting waits for this. */
  readonly complete: boolean;
}

/** Any other block (heading, list, quote, table, rule…): markdown-it's flat token list for it. */
export interface TokensBlock extends BlockBase {
  readonly kind: 'tokens';
  readonly tokens: readonly Token[];
}

/** Input too deeply nested to render as structure: shown as its source text. */
export interface PlainBlock extends BlockBase {
  readonly kind: 'plain';
  readonly text: string;
}

export type MarkdownBlock = ParagraphBlock | CodeBlock | TokensBlock | PlainBlock;

export interface MarkdownSnapshot {
  readonly text: string;
  readonly final: boolean;
  readonly blocks: readonly MarkdownBlock[];
}
