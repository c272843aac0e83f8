import { useEffect, useSyncExternalStore } from 'react';
import { conversationIndex } from '../storage';
import type { ConversationIndex } from './conversation-index';

let started = false;

/** The sidebar's list, loaded once per page; undefined until it has been read from IndexedDB. */
export function useConversationIndex(): ConversationIndex | undefined {
  useEffect(() => {
    if (started) return;
    started = true;
    void conversationIndex.load();
  }, []);
  return useSyncExternalStore(conversationIndex.subscribe, conversationIndex.getSnapshot);
}
