/**
 * Every user-visible string of @gemkit/ui, in one place so an app can localize all of them. Strings
 * that embed a value are functions.
 */
export interface GemkitStrings {
  /** Accessible label of a code block's copy button. */
  copyCode: string;
  /** Announced (and shown) after the code was copied. */
  codeCopied: string;
  /** Announced (and shown) when the clipboard refused the copy. */
  codeCopyFailed: string;
  /** Label of a code block without a language, and the accessible name of every code block. */
  codeBlockLabel: (language: string) => string;
  /** Appended for screen readers to links, which open in a new tab. */
  opensInNewTab: string;
  /** Accessible name of the scrollable region around a table. */
  tableRegionLabel: string;
  /** Shown, with the alt text, instead of an image whose address is not allowed. */
  imageBlocked: (alt: string) => string;

  // ---- Chat ----------------------------------------------------------------------------------------
  /** Header title of a chat, and the accessible name of its root region. */
  chatTitle: string;
  /** The header's button that starts over (`conversation.reset()`). */
  newChat: string;
  /** Accessible name of the scrollable message list. */
  messageListLabel: string;
  /** Shown in an empty chat. */
  emptyTitle: string;
  emptyDescription: string;
  /** The floating button shown while the reader is scrolled up from the newest message. */
  jumpToLatest: string;
  /** Shown while saved state loads; sending waits for it. */
  loadingConversation: string;

  // ---- Messages ------------------------------------------------------------------------------------
  /** Visually hidden heading of each message, so screen readers can jump between them. */
  userLabel: string;
  modelLabel: string;
  /** Announced once (polite live region) when an answer has finished; `text` is the whole answer. */
  announceAnswer: (text: string) => string;
  /** Announced once when the user stopped an answer. */
  announceStopped: string;
  /** Next to a streaming answer (also its accessible busy label). */
  generating: string;
  /** Marks a stopped answer. */
  stopped: string;
  /** Marks a user message that did not reach the server (kept for a retry). */
  notSent: string;
  retry: string;
  copy: string;
  copied: string;
  copyFailed: string;
  regenerate: string;
  edit: string;
  /** The edit form's buttons and its field's label. */
  saveEdit: string;
  cancelEdit: string;
  editLabel: string;
  /** Accessible names of the branch switcher's buttons and its position (`2 of 3`). */
  previousBranch: string;
  nextBranch: string;
  branchPosition: (index: number, count: number) => string;
  /** The usage toggle, and its rows. */
  showUsage: string;
  hideUsage: string;
  usageInput: string;
  usageOutput: string;
  usageThoughts: string;
  usageCached: string;
  usageTotal: string;
  /** Tokens, formatted. */
  tokens: (count: number) => string;
  /** The thinking disclosure: while thoughts stream, and after. */
  thinking: string;
  thoughts: string;
  /** Attachments: an image's alt text, a file's accessible description, upload progress and failure. */
  attachmentAlt: (name: string) => string;
  attachmentUploading: (name: string) => string;
  attachmentFailed: (name: string) => string;
  unnamedAttachment: string;
  /** A file's size, for its preview. */
  fileSize: (bytes: number) => string;

  // ---- Function calls ------------------------------------------------------------------------------
  /** Read before a function call's name (visually hidden): "Function call get_weather". */
  toolCall: string;
  /** Where a call is: its function running (`onToolCall`), waiting for the app or the user, answered, failed, never answered. */
  toolCallRunning: string;
  toolCallWaiting: string;
  toolCallDone: string;
  toolCallError: string;
  toolCallCancelled: string;
  /** Headings inside an opened call. */
  toolCallArguments: string;
  toolCallResult: string;

  // ---- Errors --------------------------------------------------------------------------------------
  /** A 429: the API asks to slow down; `retryAfterSeconds` when it said how long. */
  errorRateLimited: (retryAfterSeconds: number | undefined) => string;
  /** A 401 or 403. */
  errorUnauthorized: string;
  /** The server could not be reached. */
  errorNetwork: string;
  /** The stream broke and could not be resumed. */
  errorInterrupted: string;
  /** Generation failed mid-answer (an `error` event). */
  errorStream: string;
  /** Anything else; the API's own message is shown beside it. */
  errorGeneric: string;

  // ---- Composer ------------------------------------------------------------------------------------
  composerLabel: string;
  composerPlaceholder: string;
  /** Read to screen readers with the input. */
  composerHint: string;
  send: string;
  stop: string;
  /** Why the Send button does nothing right now. */
  sendNeedsText: string;
  attach: string;
  removeAttachment: (name: string) => string;
  /** Shown over the composer while files are dragged over it. */
  dropFiles: string;
  /** A file the composer did not take, and why. */
  attachmentRejectedType: (name: string) => string;
  attachmentLimit: (max: number) => string;
  attachmentsLabel: string;

  // ---- Settings --------------------------------------------------------------------------------------
  settings: string;
  settingsDescription: string;
  settingsModel: string;
  settingsSystemInstruction: string;
  settingsSystemInstructionHint: string;
  settingsTemperature: string;
  settingsTemperatureHint: string;
  settingsThinkingLevel: string;
  settingsDefault: string;
  thinkingLevelName: (level: string) => string;
  settingsThinkingSummaries: string;
  settingsMode: string;
  settingsStateful: string;
  settingsStatefulHint: string;
  settingsStateless: string;
  settingsStatelessHint: string;
  save: string;
  cancel: string;
  close: string;

  // ---- Chat dialog ---------------------------------------------------------------------------------
  openChat: string;
  chatDialogDescription: string;
}

export const defaultStrings: GemkitStrings = {
  copyCode: 'Copy code',
  codeCopied: 'Copied',
  codeCopyFailed: 'Copy failed',
  codeBlockLabel: (language) => (language ? `${language} code` : 'Code'),
  opensInNewTab: '(opens in a new tab)',
  tableRegionLabel: 'Table',
  imageBlocked: (alt) => (alt ? `[image: ${alt}]` : '[image]'),

  chatTitle: 'Gemini',
  newChat: 'New chat',
  messageListLabel: 'Messages',
  emptyTitle: 'How can I help?',
  emptyDescription: 'Ask anything, or attach an image or a document.',
  jumpToLatest: 'Jump to latest',
  loadingConversation: 'Loading the conversation…',

  userLabel: 'You said',
  modelLabel: 'Gemini said',
  announceAnswer: (text) => `Gemini answered: ${text}`,
  announceStopped: 'Answer stopped',
  generating: 'Gemini is answering…',
  stopped: 'Stopped',
  notSent: 'Not sent',
  retry: 'Retry',
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Copy failed',
  regenerate: 'Regenerate',
  edit: 'Edit',
  saveEdit: 'Send',
  cancelEdit: 'Cancel',
  editLabel: 'Edit your message',
  previousBranch: 'Previous version',
  nextBranch: 'Next version',
  branchPosition: (index, count) => `${index} of ${count}`,
  showUsage: 'Show usage',
  hideUsage: 'Hide usage',
  usageInput: 'Input',
  usageOutput: 'Output',
  usageThoughts: 'Thinking',
  usageCached: 'Cached',
  usageTotal: 'Total',
  tokens: (count) => `${count.toLocaleString()} tokens`,
  thinking: 'Thinking…',
  thoughts: 'Thoughts',
  attachmentAlt: (name) => `Attached image ${name}`,
  attachmentUploading: (name) => `Uploading ${name}`,
  attachmentFailed: (name) => `${name} could not be uploaded`,
  unnamedAttachment: 'attachment',
  fileSize: (bytes) =>
    bytes < 1024
      ? `${bytes} B`
      : bytes < 1024 * 1024
        ? `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`
        : `${(bytes / 1024 / 1024).toFixed(1)} MB`,

  toolCall: 'Function call',
  toolCallRunning: 'Running…',
  toolCallWaiting: 'Waiting for you',
  toolCallDone: 'Done',
  toolCallError: 'Failed',
  toolCallCancelled: 'Not run',
  toolCallArguments: 'Arguments',
  toolCallResult: 'Result',

  errorRateLimited: (seconds) =>
    seconds === undefined
      ? 'Too many requests right now. Try again in a moment.'
      : `Too many requests right now. Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
  errorUnauthorized: 'The server refused the request: not authorized.',
  errorNetwork: 'Could not reach the server. Check the connection and try again.',
  errorInterrupted: 'The answer was interrupted and could not be resumed.',
  errorStream: 'The answer failed while it was being written.',
  errorGeneric: 'Something went wrong.',

  composerLabel: 'Message',
  composerPlaceholder: 'Message Gemini',
  composerHint: 'Enter sends, Shift+Enter adds a line, Escape stops an answer.',
  send: 'Send',
  stop: 'Stop',
  sendNeedsText: 'Type a message or attach a file to send.',
  attach: 'Attach files',
  removeAttachment: (name) => `Remove ${name}`,
  dropFiles: 'Drop files to attach them',
  attachmentRejectedType: (name) => `${name} is not a supported file type.`,
  attachmentLimit: (max) => `At most ${max} files per message.`,
  attachmentsLabel: 'Attachments',

  settings: 'Settings',
  settingsDescription: 'These apply from the next message on.',
  settingsModel: 'Model',
  settingsSystemInstruction: 'System instruction',
  settingsSystemInstructionHint: 'How the model should behave in every answer.',
  settingsTemperature: 'Temperature',
  settingsTemperatureHint: 'From 0 (focused) to 2 (varied). Empty: the model default.',
  settingsThinkingLevel: 'Thinking',
  settingsDefault: 'Model default',
  thinkingLevelName: (level) =>
    ({ minimal: 'Minimal', low: 'Low', medium: 'Medium', high: 'High' })[level] ?? level,
  settingsThinkingSummaries: 'Show thinking summaries',
  settingsMode: 'History',
  settingsStateful: 'Kept by the server',
  settingsStatefulHint: 'Each turn points at the previous one (previous_interaction_id).',
  settingsStateless: 'Sent with every message',
  settingsStatelessHint: 'Nothing is stored; the whole history is sent each turn (store: false).',
  save: 'Save',
  cancel: 'Cancel',
  close: 'Close',

  openChat: 'Open chat',
  chatDialogDescription: 'Chat with Gemini',
};
