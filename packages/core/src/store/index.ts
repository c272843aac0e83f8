export * from './persistence/index.js';
export {
  type CancelScheduled,
  createManualSchedule,
  frameSchedule,
  type ManualSchedule,
  microtaskSchedule,
  type Schedule,
} from './schedule.js';
export { segmentText, type TextGranularity } from './segment-text.js';
export {
  createFrameStore,
  DEFAULT_STREAMING_UPDATE_MS,
  type FrameStore,
  type FrameStoreOptions,
  type ReadableStore,
} from './store.js';
export {
  type LiveSteps,
  StreamingText,
  type StreamingTextOptions,
  type StreamingTextSource,
  type StreamingTextState,
} from './streaming-text.js';
export { TextSmoother, type TextSmootherOptions } from './text-smoother.js';
