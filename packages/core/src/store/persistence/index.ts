export type { PersistenceAdapter } from './adapter.js';
export { createIndexedDBAdapter, type IndexedDBAdapterOptions } from './indexeddb.js';
export { createLocalStorageAdapter, type LocalStorageAdapterOptions } from './local-storage.js';
export { createMemoryAdapter } from './memory.js';
