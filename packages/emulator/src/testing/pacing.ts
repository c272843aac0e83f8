import type { Pacing } from '../faults.js';

/** A model the emulator (and the API) accepts, for requests whose model does not matter. */
export const TEST_MODEL = 'gemini-3-flash-preview';

/**
 * The test emulators' default: 16 characters a delta and no delay, so an answer arrives at once yet
 * still as a stream of many events (a fault or a reducer bug has deltas to land on).
 */
export const FAST_PACING: Readonly<Pacing> = { chunkSize: 16, delayMs: 0 };

/** 8 characters every 5 ms: slow enough that a stop, an unmount or a cut lands mid-answer. */
export const SLOW_PACING: Readonly<Pacing> = { chunkSize: 8, delayMs: 5 };
