import type { PersistenceAdapter, SerializedConversation } from '@gemkit/react';

/** How tabs tell each other that a chat was saved: a BroadcastChannel, or anything with its two members. */
export interface SavedChannel {
  postMessage(message: { id: string }): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<{ id: string }>) => void): void;
}

/**
 * The chats' storage, telling the other open tabs about every save and removal, so that a chat open in two
 * tabs does not have the stale tab's next save overwrite what the other tab added (see `ChatPane`).
 */
export function broadcastingStorage(
  storage: PersistenceAdapter<SerializedConversation>,
  channel: SavedChannel | undefined,
): PersistenceAdapter<SerializedConversation> & {
  onSavedElsewhere(listener: (id: string) => void): () => void;
} {
  const listeners = new Set<(id: string) => void>();
  channel?.addEventListener('message', (event) => {
    if (typeof event.data?.id === 'string') for (const listener of listeners) listener(event.data.id);
  });
  return {
    load: (id) => storage.load(id),
    save: async (id, data) => {
      await storage.save(id, data);
      channel?.postMessage({ id });
    },
    remove: async (id) => {
      await storage.remove(id);
      channel?.postMessage({ id });
    },
    onSavedElsewhere(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const inFlight = (data: SerializedConversation) =>
  data.messages.some(
    (message) =>
      message.role === 'model' && (message.status === 'submitted' || message.status === 'streaming'),
  );

/**
 * Whether this tab should show the chat as another tab saved it: the saved chat differs from the one
 * shown, this tab is not answering, and the other tab is not either (its turn saves again when it ends; loading
 * it mid-answer would have this tab resume, or mark interrupted, a turn another tab is still streaming).
 */
export function shouldReload(
  saved: SerializedConversation | undefined,
  shown: SerializedConversation,
  answering: boolean,
): boolean {
  if (!saved || answering || inFlight(saved)) return false;
  return JSON.stringify(saved) !== JSON.stringify(shown);
}
