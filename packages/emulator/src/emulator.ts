import type { EmulatorState } from './context.js';
import { type Fault, FaultQueue } from './faults.js';
import { createHandler } from './handler.js';
import { type LoggedRequest, RequestLog } from './log.js';
import { type EmulatorOptions, resolveOptions } from './options.js';
import { type EmulatorStats, emptyStats } from './stats.js';
import { FileStore } from './store/files.js';
import { InteractionStore } from './store/interactions.js';

export interface Emulator {
  /**
   * The Web-standard handler. Also callable like `fetch(input, init)`, so it can be handed to a client
   * as its `fetch`; a relative URL is resolved against `http://emulator.local`.
   */
  fetch(input: Request | string | URL, init?: RequestInit): Promise<Response>;
  /** Queues a fault for the next matching request(s). */
  injectFault(fault: Fault): void;
  /** Faults queued and not yet used up. */
  readonly pendingFaults: readonly Fault[];
  /** The last received requests (bounded), bodies parsed, credentials redacted. */
  readonly requests: readonly LoggedRequest[];
  /** A copy of the counters. */
  readonly stats: EmulatorStats;
  /** Forgets everything: interactions (running ones are cancelled), files, faults, the log and the counters. */
  reset(): void;
}

/** The origin relative URLs resolve against; any origin reaches the handler, this one names it. */
export const RELATIVE_BASE = 'http://emulator.local';

/** An in-process Gemini Interactions API + Files API. */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const resolved = resolveOptions(options);
  const state: EmulatorState = {
    options: resolved,
    interactions: new InteractionStore(resolved.maxStoredInteractions),
    files: new FileStore(),
    faults: new FaultQueue(),
    stats: emptyStats(),
    log: new RequestLog(resolved.requestLogLimit),
  };
  const handle = createHandler(state);
  return {
    fetch(input, init) {
      if (input instanceof Request && init === undefined) return handle(input);
      const url = typeof input === 'string' && input.startsWith('/') ? new URL(input, RELATIVE_BASE) : input;
      return handle(new Request(url, init));
    },
    injectFault(fault) {
      state.faults.add(fault);
    },
    get pendingFaults() {
      return state.faults.pending;
    },
    get requests() {
      return state.log.list();
    },
    get stats() {
      return { ...state.stats };
    },
    reset() {
      state.interactions.clear();
      state.files.clear();
      state.faults.clear();
      state.log.clear();
      Object.assign(state.stats, emptyStats());
    },
  };
}
