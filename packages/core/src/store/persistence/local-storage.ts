import type { PersistenceAdapter } from './adapter.js';

export interface LocalStorageAdapterOptions {
  /** Defaults to `globalThis.localStorage`; absent (a server render) means nothing is loaded or saved. */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** Prepended to every key, to keep Gemkit's entries apart from the app's (default `gemkit:`). */
  prefix?: string;
}

/**
 * Saves values as JSON in localStorage (or sessionStorage). JSON has no Blob: an attachment that had not been
 * uploaded yet keeps its name and type but not its bytes — use the IndexedDB adapter to keep those too.
 */
export function createLocalStorageAdapter<T = unknown>(
  options: LocalStorageAdapterOptions = {},
): PersistenceAdapter<T> {
  const prefix = options.prefix ?? 'gemkit:';
  const storage = () => options.storage ?? (globalThis as { localStorage?: Storage }).localStorage;
  return {
    load(key) {
      const raw = storage()?.getItem(prefix + key);
      if (raw == null) return undefined;
      try {
        return JSON.parse(raw) as T;
      } catch {
        // A value another version or another app wrote under our key: unreadable is the same as absent.
        return undefined;
      }
    },
    save(key, value) {
      storage()?.setItem(prefix + key, JSON.stringify(value));
    },
    remove(key) {
      storage()?.removeItem(prefix + key);
    },
  };
}
