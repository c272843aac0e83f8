/** Counters for tests and benchmarks; `emulator.stats` returns a copy. */
export interface EmulatorStats {
  requests: number;
  interactionsCreated: number;
  /** SSE responses opened (create with stream, and GET ?stream=true). */
  streamsOpened: number;
  /** SSE responses that sent their interaction's last event. */
  streamsCompleted: number;
  /** SSE responses the client went away from (abort, disconnect) before the end. */
  streamsAbortedByClient: number;
  /** SSE responses ended on purpose by a `cut` or `malformed` fault. */
  streamsFaulted: number;
  /** Interactions stopped by POST …/cancel. */
  cancels: number;
  /** Injected faults that took effect (status, latency, cut, malformed, error). */
  faultsApplied: number;
  filesUploaded: number;
}

export function emptyStats(): EmulatorStats {
  return {
    requests: 0,
    interactionsCreated: 0,
    streamsOpened: 0,
    streamsCompleted: 0,
    streamsAbortedByClient: 0,
    streamsFaulted: 0,
    cancels: 0,
    faultsApplied: 0,
    filesUploaded: 0,
  };
}
