import {
  Conversation,
  type ConversationOptions,
  type ConversationSnapshot,
  completeSettings,
  type GemkitClient,
  type MessageInput,
  mergeSettings,
  pickSettings,
  type RestoreOptions,
  type SerializedConversation,
  type ToolResultOptions,
} from '@gemkit/core';
import { useEffect, useMemo, useState } from 'react';
import { useResolvedContext } from './context.js';
import { useLatest } from './use-latest.js';
import { useStore } from './use-store.js';

export interface UseConversationOptions extends Partial<Omit<ConversationOptions, 'client' | 'schedule'>> {
  /** Without a provider, or to use another client than the provider's. */
  client?: GemkitClient;
  /**
   * A conversation made outside React (shared between components, or driven by other code). The hook then
   * only subscribes to it: its options here are ignored, and unmounting does not stop it.
   */
  conversation?: Conversation;
}

export interface UseConversationResult extends ConversationSnapshot {
  /** Sends text, or parts with Files / Blobs (uploaded or inlined), and streams the answer. */
  send: (input: MessageInput) => Promise<void>;
  /** Aborts the running turn and cancels it upstream; the turn keeps what had arrived, marked cancelled. */
  stop: () => void;
  /** Sends the last turn again if it failed or was stopped, with the user's input as it was. */
  retry: () => Promise<void>;
  /** Another answer to the last (or the given) user message; the previous one stays as a branch. */
  regenerate: (messageId?: string) => Promise<void>;
  /** A new version of a user message, answered as a new branch. */
  edit: (messageId: string, input: MessageInput) => Promise<void>;
  /** Shows another branch: a sibling index, a sibling id, or 'next' / 'prev'. */
  switchBranch: (messageId: string, to: number | string) => void;
  /**
   * Answers a function call the last turn waits for (`pendingToolCalls(message)`; status `requires_action`):
   * `result` is sent as the call's result (`{ isError: true }`: as a failure). Once every call of the turn
   * has one, the turn goes on and the answer streams into the same message.
   */
  addToolResult: (callId: string, result: unknown, options?: ToolResultOptions) => Promise<void>;
  /** Stops and forgets everything, saved state included. */
  reset: () => Promise<void>;
  serialize: () => SerializedConversation;
  /** Replaces the conversation by saved data; `{ save: false }` when it was just loaded from `persistence`. */
  restore: (data: SerializedConversation, options?: RestoreOptions) => void;
  /** The framework-agnostic Conversation behind the hook. */
  conversation: Conversation;
}

/**
 * A multi-turn chat with the Interactions API, stateful (`previous_interaction_id`) or stateless (`store:
 * false`, history sent as steps). Messages, branches, status and errors are state; every action is a
 * function. Saved and restored through `persistence`; unmounting aborts what is in flight (a saved stored
 * turn resumes on the next mount); React's StrictMode starts nothing twice.
 */
export function useConversation(options: UseConversationOptions = {}): UseConversationResult {
  const { client, settings: defaults, schedule } = useResolvedContext(options.client);
  const latest = useLatest(options);
  const external = options.conversation;
  const create = () =>
    new Conversation({
      // The rest of the options as given (id, mode, persistence, maxToolRoundtrips, …); the settings merged
      // with the provider's, and callbacks read from the latest render.
      ...options,
      ...mergeSettings(defaults, pickSettings(options)),
      client,
      schedule,
      onEvent: (event) => latest.current.onEvent?.(event),
      onFinish: (message) => latest.current.onFinish?.(message),
      onError: (error, message) => latest.current.onError?.(error, message),
      // Always set: without an `onToolCall` of the latest render it answers nothing, and the call waits for
      // addToolResult, so that one can be added (or removed) on any render.
      onToolCall: (call, context) => latest.current.onToolCall?.(call, context),
    });
  // Created once, during render (a Conversation does nothing until used); created anew when `id` changes, so
  // that switching chats is a prop change, as with other chat hooks.
  const [owned, setOwned] = useState(() => (external ? undefined : create()));
  let conversation = external ?? (owned as Conversation);
  if (!external && (!owned || (options.id !== undefined && options.id !== owned.id))) {
    conversation = create();
    setOwned(conversation);
  }

  // Every field named (unset ones as undefined), because setOptions merges: a setting the app removes (a
  // cleared system instruction, a dropped generation_config) must stop being sent.
  const settings = completeSettings(mergeSettings(defaults, pickSettings(options)));
  useEffect(() => {
    if (external) return;
    conversation.setOptions({
      ...settings,
      client,
      inlineMaxBytes: options.inlineMaxBytes,
      streamingUpdateMs: options.streamingUpdateMs,
      ...(options.mode ? { mode: options.mode } : {}),
    });
  });
  // Loads saved state and resumes an interrupted turn; on unmount, aborts what is in flight.
  useEffect(() => {
    const detach = conversation.attach();
    return external ? undefined : detach;
  }, [conversation, external]);

  const snapshot = useStore(conversation);
  const actions = useMemo(
    () => ({
      send: (input: MessageInput) => conversation.send(input),
      stop: () => conversation.stop(),
      retry: () => conversation.retry(),
      regenerate: (messageId?: string) => conversation.regenerate(messageId),
      edit: (messageId: string, input: MessageInput) => conversation.edit(messageId, input),
      switchBranch: (messageId: string, to: number | string) => conversation.switchBranch(messageId, to),
      addToolResult: (callId: string, result: unknown, options?: ToolResultOptions) =>
        conversation.addToolResult(callId, result, options),
      reset: () => conversation.reset(),
      serialize: () => conversation.serialize(),
      restore: (data: SerializedConversation, options?: RestoreOptions) =>
        conversation.restore(data, options),
      conversation,
    }),
    [conversation],
  );
  return { ...snapshot, ...actions };
}
