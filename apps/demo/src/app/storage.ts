import { createIndexedDBAdapter, type SerializedConversation } from '@gemkit/react';
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
 * The sidebar's list (titles, times, each chat's settings), in its own database: one small record, kept the
 * same in every open tab through a BroadcastChannel.
 */
export const conversationIndex = new ConversationIndexStore(
  createIndexedDBAdapter<ConversationIndex>({ databaseName: 'gemkit-demo-index', storeName: 'index' }),
  defaultSettings,
  typeof BroadcastChannel === 'function' ? new BroadcastChannel('gemkit-demo-index') : undefined,
);
