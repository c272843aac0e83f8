import type { FaultKind, FaultPhase, FaultQueue, Pacing } from './faults.js';
import type { RequestLog } from './log.js';
import type { ResolvedOptions } from './options.js';
import type { EmulatorStats } from './stats.js';
import type { FileStore } from './store/files.js';
import type { InteractionStore } from './store/interactions.js';

/** The emulator's state, shared by every request. */
export interface EmulatorState {
  options: ResolvedOptions;
  interactions: InteractionStore;
  files: FileStore;
  faults: FaultQueue;
  stats: EmulatorStats;
  log: RequestLog;
}

/** One request as the routes see it: already read, logged, authenticated and past request-phase faults. */
export interface RequestScope {
  request: Request;
  url: URL;
  method: string;
  /** Path after the base path. */
  path: string;
  body: Uint8Array;
  /** Pacing for streams this request opens (options, then the x-emulator-pacing header). */
  pacing: Pacing;
  /** The stream or generation fault for this request, from its header or the queue (used up when taken). */
  takeFault(phase: Exclude<FaultPhase, 'request'>): FaultKind | undefined;
}
