'use client';
import { memo } from 'react';
import { useGemkitStrings } from '../../strings/strings-context';
import type { InlineChunk, MarkdownBlock } from '../parse/types';
import { CodeBlockView } from './CodeBlockView';
import { useRenderProbe } from './render-probe';
import { renderTokens } from './render-tokens';

/**
 * One top-level block. Memoized on the block object, which the parser keeps identical once the block
 * is frozen: a finished block renders once, however long the answer keeps streaming.
 */
export const BlockView = memo(function BlockView({ block }: { block: MarkdownBlock }) {
  useRenderProbe('block', block.key);
  const strings = useGemkitStrings();
  switch (block.kind) {
    case 'paragraph':
      return (
        <p className="gk-md-p">
          {block.chunks.map((chunk) => (
            <InlineChunkView key={chunk.key} chunk={chunk} />
          ))}
        </p>
      );
    case 'code':
      return (
        <CodeBlockView
          language={block.language}
          code={block.code}
          groups={block.groups.length > 0 ? block.groups : null}
          complete={block.complete}
        />
      );
    case 'plain':
      return <p className="gk-md-p gk-md-plain">{block.text}</p>;
    default:
      return <>{renderTokens(block.tokens, { strings })}</>;
  }
});

/** A run of a paragraph's inline content; frozen runs render once. */
const InlineChunkView = memo(function InlineChunkView({ chunk }: { chunk: InlineChunk }) {
  useRenderProbe('chunk', chunk.key);
  const strings = useGemkitStrings();
  if (chunk.text !== undefined) return <>{chunk.text}</>;
  return <>{renderTokens(chunk.tokens, { strings })}</>;
});
