/**
 * `@gemkit/emulator/testing`: the emulator set up for tests — started on a free port or run in
 * process, paced for tests, its request log easy to question, its lifetime bound to a test file.
 * No test framework is imported: hooks are passed in.
 */

export { emulatorForTests, emulatorsForTests, type TestHooks } from './testing/emulator-for-tests.js';
export { FAST_PACING, SLOW_PACING, TEST_MODEL } from './testing/pacing.js';
export { CREATE_MATCH, type RequestQueries } from './testing/request-queries.js';
export {
  createTestEmulator,
  type InProcessTestEmulator,
  startTestEmulator,
  type TestEmulatorServer,
} from './testing/test-emulator.js';
export { TEST_TOOLS } from './testing/tools.js';
