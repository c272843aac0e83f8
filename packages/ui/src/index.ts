export { AttachmentPreview, type AttachmentPreviewProps } from './attachments/AttachmentPreview';
export { Chat, type ChatProps } from './chat/Chat';
export { ConnectedChat, type ConnectedChatProps } from './chat/ConnectedChat';
export { Composer, type ComposerProps, DEFAULT_ACCEPT } from './composer/Composer';
export { clearDraft } from './composer/saved-draft';
export { ChatDialog, type ChatDialogProps } from './dialogs/ChatDialog';
export type { ChatSettings } from './dialogs/chat-settings';
export { SettingsDialog, type SettingsDialogProps } from './dialogs/SettingsDialog';
export {
  AlertIcon,
  ArrowDownIcon,
  AttachIcon,
  ChatIcon,
  CheckIcon,
  ChevronDownIcon,
  ChevronLeftIcon,
  ChevronRightIcon,
  CloseIcon,
  CopyIcon,
  EditIcon,
  FileIcon,
  Icon,
  type IconProps,
  NewChatIcon,
  RegenerateIcon,
  SendIcon,
  SettingsIcon,
  SparkIcon,
  StopIcon,
  UsageIcon,
} from './icons/icons';
export { Markdown, type MarkdownProps } from './markdown/Markdown';
export { loadMarkdownParser, type MarkdownParser } from './markdown/parse/load-parser';
export type { MarkdownStream } from './markdown/parse/markdown-stream';
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
export { describeError, type ErrorDescription } from './message/describe-error';
export { ErrorAlert, type ErrorAlertProps } from './message/ErrorAlert';
export { Message, type MessageProps } from './message/Message';
export { type MessageActions, useMessageActions } from './message/message-actions';
export { ThoughtSummary, type ThoughtSummaryProps } from './message/ThoughtSummary';
export { ToolCallBlock } from './message/ToolCallBlock';
export type { RenderToolCall, ToolCallRenderProps } from './message/tool-call-render';
export { MessageList, type MessageListComponents, type MessageListProps } from './message-list/MessageList';
export { defaultStrings, type GemkitStrings } from './strings/default-strings';
export {
  GemkitStringsProvider,
  type GemkitStringsProviderProps,
  useGemkitStrings,
} from './strings/strings-context';
