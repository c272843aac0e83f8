import type { UseConversationResult } from '@gemkit/react';

/** The chat on screen, by id, so that deleting it can stop it first. */
const live = new Map<string, UseConversationResult['reset']>();

export function registerLiveChat(id: string, reset: UseConversationResult['reset']): () => void {
  live.set(id, reset);
  return () => {
    if (live.get(id) === reset) live.delete(id);
  };
}

/**
 * Forgets a chat's messages. The chat on screen is reset through its conversation (which stops a running
 * turn, cancels it upstream and removes the saved state in order with its own saves); any other is removed
 * from storage directly.
 */
export async function forgetChat(id: string, remove: (id: string) => void | Promise<void>): Promise<void> {
  const reset = live.get(id);
  if (reset) await reset();
  else await remove(id);
}
