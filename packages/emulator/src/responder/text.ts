import type { Content, Step } from '@gemkit/core';

/** The text of a step's text content items, joined. */
export function stepText(step: Step): string {
  const content = (step as { content?: Content[] }).content;
  if (!Array.isArray(content)) return '';
  return content
    .filter((item): item is Extract<Content, { type: 'text' }> => item.type === 'text')
    .map((item) => item.text)
    .join('\n');
}

/** Words as a reader counts them: runs of non-space holding a letter or digit (markdown symbols do not count). */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** One line, at most `max` characters, for quoting inside markdown. */
export function quoteLine(text: string, max = 160): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
