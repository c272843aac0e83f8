import type { PersistenceAdapter } from './adapter.js';

/**
 * Keeps values in a Map, copied on save and load as a real storage would (a caller mutating what it saved or
 * loaded must not change the stored copy). For tests, server renders, and "persist for this tab only".
 */
export function createMemoryAdapter<T = unknown>(entries: Map<string, T> = new Map()): PersistenceAdapter<T> {
  return {
    load: (key) => (entries.has(key) ? structuredClone(entries.get(key)) : undefined),
    save: (key, value) => {
      entries.set(key, structuredClone(value));
    },
    remove: (key) => {
      entries.delete(key);
    },
  };
}
