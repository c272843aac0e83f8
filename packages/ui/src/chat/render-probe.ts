'use client';
import { createContext, useContext } from 'react';

/**
 * Instrumentation for tests and benchmarks, like the markdown's render probe: the chat components
 * report each of their renders here. Without a provider it costs one context read. Not exported from
 * the package: the render-count tests use it to prove that streaming re-renders one message only.
 */
export interface ChatRenderEvent {
  readonly kind: 'message' | 'message-list' | 'composer';
  /** The message id, or the component's name. */
  readonly id: string;
}

export type ChatRenderProbe = (event: ChatRenderEvent) => void;

export const ChatRenderProbeContext = createContext<ChatRenderProbe | null>(null);

export function useChatRenderProbe(kind: ChatRenderEvent['kind'], id: string): ChatRenderProbe | null {
  const probe = useContext(ChatRenderProbeContext);
  probe?.({ kind, id });
  return probe;
}
