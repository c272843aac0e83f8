import {
  type GemkitClient,
  type UseConversationOptions,
  type UseConversationResult,
  useConversation,
} from '@gemkit/react';
import { type ReactNode, useEffect, useRef } from 'react';
import { MODEL } from './emulator-client';

export interface EmulatorConversationProps {
  client: GemkitClient;
  options?: UseConversationOptions;
  /** Runs once after mount: send a first message, restore a saved conversation, … */
  start?: (conversation: UseConversationResult) => void;
  children: (conversation: UseConversationResult) => ReactNode;
}

/** A real `useConversation` against the emulator's client, for stories and browser tests. */
export function EmulatorConversation({ client, options, start, children }: EmulatorConversationProps) {
  const conversation = useConversation({ client, model: MODEL, ...options });
  const started = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, on mount.
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    start?.(conversation);
  }, []);
  return <>{children(conversation)}</>;
}
