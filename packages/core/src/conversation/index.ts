export {
  Conversation,
  type ConversationCallbacks,
  type ConversationOptions,
  type RestoreOptions,
} from './conversation.js';
export type { ConversationSnapshot, ConversationStatus } from './conversation-snapshot.js';
export { type DeleteStoredResult, deleteStoredInteractions } from './delete-stored.js';
export { buildTurnRequest, type ConversationMode, userInputStep } from './history.js';
export { type InputPart, type MessageInput, normalizeInput } from './input.js';
export {
  type CreateOverrides,
  InteractionController,
  type InteractionControllerOptions,
  type InteractionRequestInput,
  type InteractionState,
  type RequestStatus,
} from './interaction-controller.js';
export { blobToBase64, DEFAULT_INLINE_MAX_BYTES, prepareAttachment } from './lazy-attachments.js';
export { mediaTypeOf } from './media-type.js';
export type { Attachment, BranchInfo, Message, ModelMessage, TurnStatus, UserMessage } from './message.js';
export type { SerializedConversation, SerializedMessage } from './serialize.js';
export { completeSettings, mergeSettings, pickSettings, type RequestSettings } from './settings.js';
export {
  pendingToolCalls,
  type ToolCall,
  type ToolCallContext,
  type ToolCallHandler,
  type ToolCallStatus,
  type ToolCallView,
  type ToolResultOptions,
  toolCallsOf,
} from './tool-calls.js';
