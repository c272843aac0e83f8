// What apps reach for next to the hooks, so that they need not import @gemkit/core themselves.
export {
  type AnyGemkitError,
  ApiError,
  type Attachment,
  type BranchInfo,
  type ConversationMode,
  type ConversationSnapshot,
  type ConversationStatus,
  createClient,
  createIndexedDBAdapter,
  createLocalStorageAdapter,
  createMemoryAdapter,
  type DeleteStoredResult,
  deleteStoredInteractions,
  type GemkitClient,
  GemkitError,
  type InteractionState,
  type Message,
  type MessageInput,
  type ModelMessage,
  type PersistenceAdapter,
  pendingToolCalls,
  type RequestSettings,
  type SerializedConversation,
  type StreamingTextSource,
  type StreamingTextState,
  type ToolCall,
  type ToolCallContext,
  type ToolCallHandler,
  type ToolCallStatus,
  type ToolCallView,
  type ToolResultOptions,
  ToolRoundtripLimitError,
  type TurnStatus,
  toolCallsOf,
  type UserMessage,
} from '@gemkit/core';
export { DEFAULT_ROUTE, type GemkitContextValue, useGemkit } from './context.js';
export { GemkitProvider, type GemkitProviderProps } from './provider.js';
export {
  type UseConversationOptions,
  type UseConversationResult,
  useConversation,
} from './use-conversation.js';
export { type UseInteractionOptions, type UseInteractionResult, useInteraction } from './use-interaction.js';
export { type UseStreamingTextOptions, useStreamingText } from './use-streaming-text.js';
