/**
 * Global setup of the browser test project: a real emulator server on a free port (real HTTP, CORS), for the
 * tests that must see the browser's own network stack, such as core's worker fetch. The tests read its URL with
 * `inject('emulatorUrl')`; the emulator paces its streams like the slow test emulator: many small chunks.
 */

import type { TestProject } from 'vitest/node';
import { SLOW_PACING, startTestEmulator } from '../packages/emulator/src/testing.js';

declare module 'vitest' {
  export interface ProvidedContext {
    emulatorUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const emulator = await startTestEmulator({ pacing: SLOW_PACING });
  project.provide('emulatorUrl', emulator.url);
  return () => emulator.close();
}
