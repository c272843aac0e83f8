import {
  createIndexedDBAdapter,
  createLocalStorageAdapter,
  type PersistenceAdapter,
  type SerializedConversation,
} from '@gemkit/react';
import type { ChatSettings } from '@gemkit/ui';
import { DEFAULT_MODEL } from '../shared/demo-status';
import { type ConversationIndex, ConversationIndexStore } from './conversations/conversation-index';
import { broadcastingStorage } from './conversations/conversation-sync';

/**
 * Each chat, every branch, failed and stopped turns included, by id: IndexedDB keeps Blobs, so an attachment
 * that was not sent yet survives a reload too. Every save is told to the other open tabs.
 */
export const conversationStorage = broadcastingStorage(
  createIndexedDBAdapter<SerializedConversation>({ databaseName: 'gemkit-demo', storeName: 'conversations' }),
  typeof BroadcastChannel === 'function' ? new BroadcastChannel('gemkit-demo-conversations') : undefined,
);

/** What a first chat starts with: thought summaries on, so thinking is visible from the first answer. */
export const defaultSettings = (): ChatSettings => ({
  model: DEFAULT_MODEL,
  mode: 'stateful',
  generation_config: { thinking_summaries: 'auto' },
});

/**
 * Where the sidebar's list is kept: localStorage, written before `save` returns, so a rename (or a new chat)
 * followed at once by a reload or a closed tab is kept — an IndexedDB write still queued at that moment is
 * lost (an e2e run saw a rename undone by a reload right after it). Lists saved by earlier versions of the
 * demo, in IndexedDB, are read once when localStorage has none.
 */
const indexInLocalStorage = createLocalStorageAdapter<ConversationIndex>({ prefix: 'gemkit-demo:' });
const indexInIndexedDB = createIndexedDBAdapter<ConversationIndex>({
  databaseName: 'gemkit-demo-index',
  storeName: 'index',
});
const indexStorage: PersistenceAdapter<ConversationIndex> = {
  load: async (key) =>
    indexInLocalStorage.load(key) ??
    (await Promise.resolve(indexInIndexedDB.load(key)).catch(() => undefined)),
  save: (key, value) => indexInLocalStorage.save(key, value),
  remove: (key) => indexInLocalStorage.remove(key),
};

/**
 * The sidebar's list (titles, times, each chat's settings): one small record, kept the same in every open
 * tab through a BroadcastChannel.
 */
export const conversationIndex = new ConversationIndexStore(
  indexStorage,
  defaultSettings,
  typeof BroadcastChannel === 'function' ? new BroadcastChannel('gemkit-demo-index') : undefined,
);
