import type { CreateInteractionRequest } from '@gemkit/core';
import type { Emulator } from '../emulator.js';
import { type FaultMatch, requestMatches } from '../faults.js';
import type { LoggedRequest } from '../log.js';

/** The create requests: also a fault's `match`, to fail only them. */
export const CREATE_MATCH = { method: 'POST', path: '/v1beta/interactions' } as const satisfies FaultMatch;

/** Questions a test asks of the emulator's request log (the last `requestLogLimit` requests, default 200). */
export interface RequestQueries {
  /** The bodies of the create requests, oldest first, as the client sent them (keys never appear). */
  creates(): CreateInteractionRequest[];
  /** The requests a match names (a method; a path, exact or a RegExp, after any `basePath`), oldest first. */
  requestsTo(match: FaultMatch): LoggedRequest[];
}

export function requestQueries(emulator: Emulator): RequestQueries {
  const requestsTo = (match: FaultMatch) =>
    emulator.requests.filter((request) => requestMatches(match, request.method, request.path));
  return {
    requestsTo,
    // The log holds each body as parsed; a create the emulator refused may not be a valid request.
    creates: () => requestsTo(CREATE_MATCH).map((request) => request.body as CreateInteractionRequest),
  };
}
