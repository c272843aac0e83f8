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
export type { EmulatorServer, EmulatorServerOptions } from './node.js';
export type { EmulatorOptions } from './options.js';
export { DEFAULT_PACING } from './options.js';
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

import type { EmulatorServer, EmulatorServerOptions } from './node.js';

/**
 * Serves an emulator over node:http (Node only). The node module is loaded on first call, so importing
 * this package in a browser never touches node:http.
 */
export async function startEmulatorServer(options?: EmulatorServerOptions): Promise<EmulatorServer> {
  const node = await import('./node.js');
  return node.startEmulatorServer(options);
}
