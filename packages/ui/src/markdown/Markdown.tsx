'use client';
import { memo, useMemo, useRef } from 'react';
import { createMarkdownStream, type MarkdownStream } from './parse/markdown-stream';
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
 */
export const Markdown = memo(function Markdown({
  children,
  streaming = false,
  highlight = true,
  className,
}: MarkdownProps) {
  const stream = useRef<MarkdownStream | null>(null);
  stream.current ??= createMarkdownStream();
  const parser = stream.current;
  // `update` is idempotent for the same input, so a repeated or discarded render is harmless.
  const snapshot = useMemo(() => parser.update(children, !streaming), [parser, children, streaming]);
  return (
    <HighlightSettingContext.Provider value={highlight}>
      <div
        className={className ? `gk-root gk-markdown ${className}` : 'gk-root gk-markdown'}
        data-streaming={streaming ? 'true' : undefined}
      >
        {snapshot.blocks.map((block) => (
          <BlockView key={block.key} block={block} />
        ))}
      </div>
    </HighlightSettingContext.Provider>
  );
});
