'use client';
import { memo, useEffect, useMemo, useRef } from 'react';
import { loadMarkdownParser, type MarkdownParser, useMarkdownParser } from './parse/load-parser';
import type { MarkdownStream } from './parse/markdown-stream';
import type { MarkdownBlock } from './parse/types';
import { BlockView } from './render/BlockView';
import { HighlightSettingContext } from './render/highlight-setting';

export interface MarkdownProps {
  /** The markdown source: the whole answer so far. While streaming, each update extends the last. */
  children: string;
  /**
   * True while more text will follow: unfinished syntax is completed for display, and the last block
   * stays open. Default false.
   */
  streaming?: boolean;
  /** Highlight code blocks (the highlighter loads on first use). Default true. */
  highlight?: boolean;
  className?: string;
}

/**
 * Renders untrusted markdown (model output) safely and, while it streams, incrementally: finished
 * blocks are parsed once and never re-rendered, so each update costs only the still-open tail.
 * Raw HTML is shown as text, and links and images pass a URL allowlist.
 *
 * The parser loads on demand (see `loadMarkdownParser`): until it has, the text shows as it is.
 */
export const Markdown = memo(function Markdown({
  children,
  streaming = false,
  highlight = true,
  className,
}: MarkdownProps) {
  const parser = useMarkdownParser();
  useEffect(() => {
    if (!parser) loadMarkdownParser().catch(() => undefined);
  }, [parser]);
  const rootClass = className ? `gk-root gk-markdown ${className}` : 'gk-root gk-markdown';
  return (
    <div className={rootClass} data-streaming={streaming ? 'true' : undefined}>
      {parser ? (
        <ParsedMarkdown parser={parser} text={children} streaming={streaming} highlight={highlight} />
      ) : (
        children && <p className="gk-md-p gk-md-plain">{children}</p>
      )}
    </div>
  );
});

interface ParsedMarkdownProps {
  parser: MarkdownParser;
  text: string;
  streaming: boolean;
  highlight: boolean;
}

function ParsedMarkdown({ parser, text, streaming, highlight }: ParsedMarkdownProps) {
  const stream = useRef<MarkdownStream | null>(null);
  stream.current ??= parser.createMarkdownStream();
  const markdown = stream.current;
  // `update` is idempotent for the same input, so a repeated or discarded render is harmless.
  const snapshot = useMemo(() => markdown.update(text, !streaming), [markdown, text, streaming]);
  const groups: (readonly MarkdownBlock[])[] = [];
  for (let i = 0; i < snapshot.blocks.length; i += BLOCK_GROUP_SIZE) {
    groups.push(snapshot.blocks.slice(i, i + BLOCK_GROUP_SIZE));
  }
  return (
    <HighlightSettingContext.Provider value={highlight}>
      {groups.map((blocks) => (
        <BlockGroup key={(blocks[0] as MarkdownBlock).key} blocks={blocks} />
      ))}
    </HighlightSettingContext.Provider>
  );
}

/**
 * Blocks per group. A long answer's finished blocks skip layout and paint once off screen, a group at a time
 * (`content-visibility: auto` on a sealed group): the browser checks each such element against the viewport on
 * every frame that changes layout, so per block that check would grow with the answer (as it did per message
 * in a long conversation; see MessageList's GROUP_SIZE).
 */
const BLOCK_GROUP_SIZE = 16;

/**
 * A run of blocks, the same ones for its lifetime (blocks only ever join the end). Sealed once full and every
 * block in it is frozen: from then on it is the same objects in every snapshot, and never renders again.
 */
const BlockGroup = memo(
  function BlockGroup({ blocks }: { blocks: readonly MarkdownBlock[] }) {
    const sealed = blocks.length === BLOCK_GROUP_SIZE && !blocks.some((block) => block.open);
    return (
      <div className="gk-md-group" data-sealed={sealed ? '' : undefined}>
        {blocks.map((block) => (
          <BlockView key={block.key} block={block} />
        ))}
      </div>
    );
  },
  (before, after) =>
    before.blocks.length === after.blocks.length &&
    before.blocks.every((block, i) => block === after.blocks[i]),
);
