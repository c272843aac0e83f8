// jsdom has no IndexedDB: tests of the IndexedDB persistence adapter (in core and here) use fake-indexeddb,
// a complete in-memory implementation, installed as the global `indexedDB` like a browser's.
import 'fake-indexeddb/auto';
