import type { PersistenceAdapter, SerializedConversation, UseConversationResult } from '@gemkit/react';

type LiveChat = Pick<UseConversationResult, 'reset' | 'serialize'>;

/** The chat on screen, by id, so that deleting it can stop it first. */
const live = new Map<string, LiveChat>();

export function registerLiveChat(id: string, chat: LiveChat): () => void {
  live.set(id, chat);
  return () => {
    if (live.get(id) === chat) live.delete(id);
  };
}

/**
 * Forgets a chat's messages in this browser. The chat on screen is reset through its conversation (which
 * stops a running turn, cancels it upstream and removes the saved state in order with its own saves); any
 * other is removed from storage directly. Resolves with the chat as it was, so that the interactions the API
 * stored for it can be deleted too.
 */
export async function forgetChat(
  id: string,
  storage: PersistenceAdapter<SerializedConversation>,
): Promise<SerializedConversation | undefined> {
  const chat = live.get(id);
  if (chat) {
    const saved = chat.serialize();
    await chat.reset();
    return saved;
  }
  const saved = await Promise.resolve(storage.load(id)).catch(() => undefined);
  await storage.remove(id);
  return saved;
}
