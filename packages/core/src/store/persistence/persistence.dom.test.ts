import { describe, expect, it } from 'vitest';
import type { PersistenceAdapter } from './adapter.js';
import { createIndexedDBAdapter } from './indexeddb.js';
import { createLocalStorageAdapter } from './local-storage.js';
import { createMemoryAdapter } from './memory.js';

// jsdom has no IndexedDB: the react test project's setup installs fake-indexeddb's IDBFactory as the global.

const value = { version: 1, messages: [{ id: 'm1', text: 'I have 2 dogs in my house. 🐶🐶' }] };

const adapters: [string, () => PersistenceAdapter<typeof value>][] = [
  ['localStorage', () => createLocalStorageAdapter({ prefix: `t${Math.random()}:` })],
  ['IndexedDB', () => createIndexedDBAdapter({ databaseName: `t${Math.random()}` })],
  ['memory', () => createMemoryAdapter()],
];

describe.each(adapters)('%s adapter', (_name, create) => {
  it('saves, loads, overwrites and removes a value by key', async () => {
    const adapter = create();
    expect(await adapter.load('chat')).toBeUndefined();
    await adapter.save('chat', value);
    expect(await adapter.load('chat')).toEqual(value);
    await adapter.save('chat', { ...value, version: 2 });
    expect((await adapter.load('chat'))?.version).toBe(2);
    expect(await adapter.load('other')).toBeUndefined();
    await adapter.remove('chat');
    expect(await adapter.load('chat')).toBeUndefined();
  });

  it('returns a copy: mutating what was saved or loaded does not change the stored value', async () => {
    const adapter = create();
    const saved = structuredClone(value);
    await adapter.save('chat', saved);
    saved.messages.length = 0;
    const loaded = await adapter.load('chat');
    loaded?.messages.pop();
    expect(await adapter.load('chat')).toEqual(value);
  });
});

describe('createLocalStorageAdapter', () => {
  it('keeps its entries under its prefix and treats unreadable JSON as absent', () => {
    const adapter = createLocalStorageAdapter({ prefix: 'app:' });
    adapter.save('k', { a: 1 });
    expect(localStorage.getItem('app:k')).toBe('{"a":1}');
    localStorage.setItem('app:broken', '{not json');
    expect(adapter.load('broken')).toBeUndefined();
  });

  it('does nothing (and does not throw) where there is no storage, as in a server render', () => {
    const adapter = createLocalStorageAdapter({ storage: undefined });
    const original = globalThis.localStorage;
    Object.defineProperty(globalThis, 'localStorage', { value: undefined, configurable: true });
    try {
      adapter.save('k', 1);
      expect(adapter.load('k')).toBeUndefined();
      adapter.remove('k');
    } finally {
      Object.defineProperty(globalThis, 'localStorage', { value: original, configurable: true });
    }
  });
});

describe('createIndexedDBAdapter', () => {
  it('keeps binary data by structured clone, which JSON storage cannot', async () => {
    const adapter = createIndexedDBAdapter<{ bytes: Uint8Array }>({ indexedDB: new IDBFactory() });
    await adapter.save('k', { bytes: new Uint8Array([1, 2, 255]) });
    const loaded = await adapter.load('k');
    expect(Array.from(loaded?.bytes ?? [])).toEqual([1, 2, 255]);
  });

  it('two adapters on one database share its entries', async () => {
    const factory = new IDBFactory();
    const a = createIndexedDBAdapter({ indexedDB: factory, databaseName: 'shared' });
    const b = createIndexedDBAdapter({ indexedDB: factory, databaseName: 'shared' });
    await a.save('k', 'from a');
    expect(await b.load('k')).toBe('from a');
  });

  it('rejects (rather than throwing synchronously) where there is no IndexedDB', async () => {
    const adapter = createIndexedDBAdapter({ indexedDB: undefined });
    const original = globalThis.indexedDB;
    Object.defineProperty(globalThis, 'indexedDB', { value: undefined, configurable: true });
    try {
      await expect(adapter.load('k')).rejects.toThrow(/IndexedDB is not available/);
    } finally {
      Object.defineProperty(globalThis, 'indexedDB', { value: original, configurable: true });
    }
  });
});
