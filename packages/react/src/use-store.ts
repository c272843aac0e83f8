import type { ReadableStore } from '@gemkit/core';
import { useSyncExternalStore } from 'react';

/**
 * Subscribes a component to a core store. The stores batch their notifications per frame, so this re-renders
 * at most once per frame however fast events arrive. The server snapshot is the store's initial state.
 */
export function useStore<T>(store: ReadableStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
