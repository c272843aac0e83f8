/**
 * Where a conversation keeps itself between page loads. Any storage fits: the shipped adapters use
 * localStorage and IndexedDB; an app can write one for its own backend. Each method may be sync or async.
 */
export interface PersistenceAdapter<T = unknown> {
  /** The value saved under `key`, or undefined when there is none (or it cannot be read). */
  load(key: string): T | undefined | Promise<T | undefined>;
  save(key: string, value: T): void | Promise<void>;
  remove(key: string): void | Promise<void>;
}
