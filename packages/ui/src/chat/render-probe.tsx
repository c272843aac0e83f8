'use client';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { type MarkdownRenderEvent, MarkdownRenderProbeContext } from '../markdown/render/render-probe';

/**
 * Instrumentation for tests and benchmarks, like the markdown's render probe: the chat components
 * report each of their renders here, and a message's markdown reports its blocks tagged with the
 * message. Without a provider it costs one context read. Not exported from the package: the
 * render-count tests use it to prove that streaming re-renders one message, and in it one block.
 */
export type ChatRenderEvent =
  | { readonly kind: 'message' | 'message-list' | 'composer'; readonly id: string }
  | { readonly kind: 'markdown'; readonly id: string; readonly markdown: MarkdownRenderEvent };

export type ChatRenderProbe = (event: ChatRenderEvent) => void;

export const ChatRenderProbeContext = createContext<ChatRenderProbe | null>(null);

export function useChatRenderProbe(kind: 'message' | 'message-list' | 'composer', id: string): void {
  const probe = useContext(ChatRenderProbeContext);
  probe?.({ kind, id });
}

/** Under a chat probe, reports the markdown renders of one message, tagged with its id. */
export function MessageMarkdownProbe({ messageId, children }: { messageId: string; children: ReactNode }) {
  const probe = useContext(ChatRenderProbeContext);
  // One function per message: a new one on each render would change the context and re-render every block.
  const tagged = useMemo(
    () =>
      probe ? (markdown: MarkdownRenderEvent) => probe({ kind: 'markdown', id: messageId, markdown }) : null,
    [probe, messageId],
  );
  if (!tagged) return children;
  return <MarkdownRenderProbeContext.Provider value={tagged}>{children}</MarkdownRenderProbeContext.Provider>;
}
