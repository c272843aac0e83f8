'use client';
import { memo, useEffect, useMemo, useRef } from 'react';
import { loadMarkdownParser, type MarkdownParser, useMarkdownParser } from './parse/load-parser';
import type { MarkdownStream } from './parse/markdown-stream';
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
  return (
    <HighlightSettingContext.Provider value={highlight}>
      {snapshot.blocks.map((block) => (
        <BlockView key={block.key} block={block} />
      ))}
    </HighlightSettingContext.Provider>
  );
}
