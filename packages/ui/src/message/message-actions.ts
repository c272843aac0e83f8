'use client';
import type { ToolResultOptions, UseConversationResult } from '@gemkit/react';
import { useMemo } from 'react';

/** What a message's buttons do. One stable object per conversation, so memoized messages stay skipped. */
export interface MessageActions {
  /** Sends the last turn again (it failed or was stopped). */
  retry: () => void;
  /** Another answer to this model message's question (or to this user message). */
  regenerate: (messageId: string) => void;
  /** A new version of a user message, answered as a new branch. */
  edit: (messageId: string, text: string) => void;
  /** Shows a sibling: 'prev', 'next' or an index. */
  switchBranch: (messageId: string, to: 'prev' | 'next' | number) => void;
  /** Answers a function call the last turn waits for (what `renderToolCall`'s `addResult` calls). */
  addToolResult?: (callId: string, result: unknown, options?: ToolResultOptions) => void;
}

type ConversationActions = Pick<UseConversationResult, 'retry' | 'regenerate' | 'edit' | 'switchBranch'> &
  Partial<Pick<UseConversationResult, 'addToolResult'>>;

/**
 * The actions `<Message>` takes, from a `useConversation()` result. The hook's functions are stable for a
 * conversation, so this object is too. A turn's failure lands on its message, never as a rejection; the
 * promises only reject for calls that cannot be made, which the buttons never offer.
 */
export function useMessageActions(conversation: ConversationActions): MessageActions {
  const { retry, regenerate, edit, switchBranch, addToolResult } = conversation;
  return useMemo(
    () => ({
      retry: () => void retry().catch(reportFailure),
      regenerate: (messageId: string) => void regenerate(messageId).catch(reportFailure),
      edit: (messageId: string, text: string) => void edit(messageId, text).catch(reportFailure),
      switchBranch: (messageId: string, to: 'prev' | 'next' | number) => switchBranch(messageId, to),
      ...(addToolResult && {
        addToolResult: (callId: string, result: unknown, options?: ToolResultOptions) =>
          void addToolResult(callId, result, options).catch(reportFailure),
      }),
    }),
    [retry, regenerate, edit, switchBranch, addToolResult],
  );
}

function reportFailure(error: unknown) {
  console.error('@gemkit/ui: a message action failed', error);
}
