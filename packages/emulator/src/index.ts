export { createEmulator, type Emulator } from './emulator.js';
export { THINKING_TOKENS, TOKEN_ESTIMATE } from './engine/usage.js';
export type {
  CutFault,
  ErrorEventFault,
  Fault,
  FaultKind,
  FaultMatch,
  LatencyFault,
  MalformedFault,
  Pacing,
  StatusFault,
} from './faults.js';
export { API_REVISION } from './handler.js';
export { EmulatorApiError } from './http/errors.js';
export type { LoggedRequest } from './log.js';
export { KNOWN_MODELS } from './models.js';
export { type EmulatorServer, type EmulatorServerOptions, startEmulatorServer } from './node.js';
export { DEFAULT_PACING, type EmulatorOptions } from './options.js';
export { defaultResponder, latestUserText } from './responder/default.js';
export { type Directives, parseDirectives } from './responder/directives.js';
export { countWords, stepText } from './responder/text.js';
export type {
  ResolvedAttachment,
  Responder,
  ResponderContext,
  ResponderReply,
  StepsReply,
  TextReply,
} from './responder/types.js';
export type { EmulatorStats } from './stats.js';
export type { IdKind } from './util/ids.js';
