export { Markdown, type MarkdownProps } from './markdown/Markdown';
export { createMarkdownStream, type MarkdownStream } from './markdown/parse/markdown-stream';
export type {
  CodeBlock,
  CodeGroup,
  InlineChunk,
  MarkdownBlock,
  MarkdownSnapshot,
  ParagraphBlock,
  PlainBlock,
  TokensBlock,
} from './markdown/parse/types';
export {
  type MarkdownRenderEvent,
  type MarkdownRenderProbe,
  MarkdownRenderProbeContext,
} from './markdown/render/render-probe';
export { safeUrl, type UrlKind } from './markdown/render/safe-url';
export { defaultStrings, type GemkitStrings } from './strings/default-strings';
export {
  GemkitStringsProvider,
  type GemkitStringsProviderProps,
  useGemkitStrings,
} from './strings/strings-context';
