import { md, type Token } from '../parse/markdown-it';
import type { MarkdownSnapshot } from '../parse/types';

/**
 * A snapshot as markdown-it's own HTML, to compare a streamed parse with a one-shot parse (and with
 * `md.render`). Code classes are dropped: fences are rendered from different tokens in each.
 */
export function snapshotHtml(snapshot: MarkdownSnapshot): string {
  const escapeHtml = (text: string) => md.utils.escapeHtml(text);
  const inline = (tokens: readonly Token[]) => md.renderer.renderInline(tokens as Token[], md.options, {});
  return snapshot.blocks
    .map((block) => {
      switch (block.kind) {
        case 'paragraph':
          return `<p>${block.chunks.map((chunk) => (chunk.text !== undefined ? escapeHtml(chunk.text) : inline(chunk.tokens))).join('')}</p>\n`;
        case 'code':
          return `<pre><code>${escapeHtml(block.code)}</code></pre>\n`;
        case 'plain':
          return `<p>${escapeHtml(block.text)}</p>\n`;
        default:
          return md.renderer.render(block.tokens as Token[], md.options, {});
      }
    })
    .join('')
    .replace(/<pre><code class="[^"]*">/g, '<pre><code>');
}

export function markdownItHtml(text: string): string {
  return md.render(text).replace(/<pre><code class="[^"]*">/g, '<pre><code>');
}
