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
  type RequestSettings,
  type SerializedConversation,
  type StreamingTextSource,
  type StreamingTextState,
  type TurnStatus,
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
