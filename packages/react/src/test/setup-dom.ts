// jsdom has no IndexedDB: tests of the IndexedDB persistence adapter (in core and here) use fake-indexeddb,
// a complete in-memory implementation, installed as the global `indexedDB` like a browser's.
import 'fake-indexeddb/auto';

import { configure } from '@testing-library/react';

// waitFor polls until its assertion holds, so a generous ceiling costs a passing test nothing. The default
// (1 s) is shorter than an emulator stream takes when CI runs every project at once on 2 cores.
configure({ asyncUtilTimeout: 10_000 });
