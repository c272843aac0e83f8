import type { PersistenceAdapter } from './adapter.js';

export interface IndexedDBAdapterOptions {
  /** Default `gemkit`. */
  databaseName?: string;
  /** Default `conversations`. */
  storeName?: string;
  /** Defaults to `globalThis.indexedDB`; pass one to use another (fake-indexeddb in tests). */
  indexedDB?: IDBFactory;
}

/**
 * Saves values in IndexedDB by structured clone, so Blobs (attachments not uploaded yet) survive a reload.
 * The database is opened on first use, not on creation, so creating the adapter during a server render is safe.
 */
export function createIndexedDBAdapter<T = unknown>(
  options: IndexedDBAdapterOptions = {},
): PersistenceAdapter<T> {
  const databaseName = options.databaseName ?? 'gemkit';
  const storeName = options.storeName ?? 'conversations';
  let database: Promise<IDBDatabase> | undefined;

  const open = (): Promise<IDBDatabase> => {
    database ??= new Promise<IDBDatabase>((resolve, reject) => {
      const factory = options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
      if (!factory) throw new Error('IndexedDB is not available in this environment.');
      const request = factory.open(databaseName, 1);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(storeName)) request.result.createObjectStore(storeName);
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      request.onblocked = () =>
        reject(new Error(`IndexedDB database "${databaseName}" is blocked by another tab.`));
    }).catch((error: unknown) => {
      database = undefined; // let the next call try again
      throw error;
    });
    return database;
  };

  const run = async <R>(
    mode: IDBTransactionMode,
    action: (store: IDBObjectStore) => IDBRequest<R>,
  ): Promise<R> => {
    const db = await open();
    return new Promise<R>((resolve, reject) => {
      const transaction = db.transaction(storeName, mode);
      const request = action(transaction.objectStore(storeName));
      // Resolve when the transaction commits, not when the request succeeds: a save is only durable then.
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? request.error);
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted.'));
    });
  };

  return {
    async load(key) {
      return ((await run('readonly', (store) => store.get(key))) as T | undefined) ?? undefined;
    },
    async save(key, value) {
      await run('readwrite', (store) => store.put(value, key));
    },
    async remove(key) {
      await run('readwrite', (store) => store.delete(key));
    },
  };
}
