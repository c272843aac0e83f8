import { badRequest } from './http/errors.js';

/** Answer with an HTTP error (429/500/503…) before doing anything, with an optional `Retry-After`. */
export interface StatusFault {
  type: 'status';
  status: number;
  retryAfterSeconds?: number;
  message?: string;
}
/** Wait before answering. */
export interface LatencyFault {
  type: 'latency';
  ms: number;
}
/** Drop the connection of a streamed response after N events; the interaction keeps generating. */
export interface CutFault {
  type: 'cut';
  afterEvents: number;
}
/** Send N events, then bytes that are not a valid SSE event, then end the response. */
export interface MalformedFault {
  type: 'malformed';
  afterEvents: number;
}
/** Fail the generation itself after N events: an `error` event, and the interaction ends `failed`. */
export interface ErrorEventFault {
  type: 'error';
  afterEvents: number;
  message?: string;
  code?: string;
}

export type FaultKind = StatusFault | LatencyFault | CutFault | MalformedFault | ErrorEventFault;

export interface FaultMatch {
  method?: string;
  /** A string matches the path exactly (`/v1beta/interactions`); a RegExp is tested against it. */
  path?: string | RegExp;
}

export type Fault = FaultKind & {
  /** How many matching requests it applies to; default 1, `Infinity` for every one. */
  times?: number;
  match?: FaultMatch;
};

/** When a fault takes effect: before routing, when a stream opens, or inside a generation (creates only). */
export type FaultPhase = 'request' | 'stream' | 'generation';

export function faultPhase(fault: FaultKind): FaultPhase {
  if (fault.type === 'status' || fault.type === 'latency') return 'request';
  if (fault.type === 'error') return 'generation';
  return 'stream';
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** Checks a fault handed to `injectFault`; a bad one is a programming error, reported as a TypeError. */
export function checkFault(fault: Fault): Fault {
  const problem = faultProblem(fault);
  if (problem) throw new TypeError(`injectFault: ${problem}`);
  return fault;
}

function faultProblem(fault: Fault): string | undefined {
  if (typeof fault !== 'object' || fault === null) return 'a fault must be an object';
  if (
    fault.times !== undefined &&
    !(fault.times === Number.POSITIVE_INFINITY || (isCount(fault.times) && fault.times > 0))
  ) {
    return '`times` must be a positive integer or Infinity';
  }
  switch (fault.type) {
    case 'status':
      if (!Number.isInteger(fault.status) || fault.status < 400 || fault.status > 599) {
        return '`status` must be an HTTP error status (400–599)';
      }
      if (fault.retryAfterSeconds !== undefined && !isCount(fault.retryAfterSeconds)) {
        return '`retryAfterSeconds` must be a non-negative integer';
      }
      return undefined;
    case 'latency':
      return typeof fault.ms === 'number' && fault.ms >= 0 ? undefined : '`ms` must be a non-negative number';
    case 'cut':
    case 'malformed':
    case 'error':
      return isCount(fault.afterEvents) ? undefined : '`afterEvents` must be a non-negative integer';
    default:
      return `unknown fault type ${JSON.stringify((fault as { type?: unknown }).type)}`;
  }
}

interface QueuedFault {
  fault: Fault;
  remaining: number;
}

/** Whether a request (method, path after any basePath) is one a `match` names; no match names every one. */
export function requestMatches(match: FaultMatch | undefined, method: string, path: string): boolean {
  if (!match) return true;
  if (match.method && match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (match.path === undefined) return true;
  return typeof match.path === 'string' ? match.path === path : match.path.test(path);
}

/** Faults injected programmatically, applied in order to the next matching requests. */
export class FaultQueue {
  private queue: QueuedFault[] = [];

  add(fault: Fault): void {
    checkFault(fault);
    this.queue.push({ fault, remaining: fault.times ?? 1 });
  }

  /** Takes (and uses up one application of) the first queued fault of this phase matching the request. */
  take(phase: FaultPhase, method: string, path: string): FaultKind | undefined {
    const index = this.queue.findIndex(
      (entry) => faultPhase(entry.fault) === phase && requestMatches(entry.fault.match, method, path),
    );
    const entry = this.queue[index];
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.queue.splice(index, 1);
    return entry.fault;
  }

  get pending(): readonly Fault[] {
    return this.queue.map((entry) => entry.fault);
  }

  clear(): void {
    this.queue = [];
  }
}

/** Parses `k=v;k=v` into a map; values stay strings. */
function parseParams(text: string, header: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const part of text.split(';')) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const eq = trimmed.indexOf('=');
    if (eq <= 0) throw badRequest(`Invalid ${header} header: "${trimmed}" is not of the form key=value.`);
    params.set(trimmed.slice(0, eq).trim().toLowerCase(), trimmed.slice(eq + 1).trim());
  }
  return params;
}

function count(value: string | undefined, what: string, header: string): number {
  const n = Number(value);
  if (value === undefined || value === '' || !Number.isInteger(n) || n < 0) {
    throw badRequest(
      `Invalid ${header} header: ${what} must be a non-negative integer, got "${value ?? ''}".`,
    );
  }
  return n;
}

export const FAULT_HEADER = 'x-emulator-fault';
export const PACING_HEADER = 'x-emulator-pacing';

/**
 * Parses `x-emulator-fault`: comma-separated faults, each `kind=value` with `;`-separated options:
 * `status=429;retry_after=1;message=Slow down`, `latency=200`, `cut=5`, `malformed=3`, `error=4;message=Boom`.
 */
export function parseFaultHeader(value: string): FaultKind[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const params = parseParams(item, FAULT_HEADER);
      const [kind] = params.keys();
      const amount = kind === undefined ? undefined : params.get(kind);
      switch (kind) {
        case 'status': {
          const status = count(amount, 'status', FAULT_HEADER);
          if (status < 400 || status > 599)
            throw badRequest(`Invalid ${FAULT_HEADER} header: status must be 400–599.`);
          const retryAfter = params.get('retry_after');
          const message = params.get('message');
          return {
            type: 'status',
            status,
            ...(retryAfter === undefined
              ? {}
              : { retryAfterSeconds: count(retryAfter, 'retry_after', FAULT_HEADER) }),
            ...(message === undefined ? {} : { message }),
          } satisfies StatusFault;
        }
        case 'latency':
          return { type: 'latency', ms: count(amount, 'latency', FAULT_HEADER) } satisfies LatencyFault;
        case 'cut':
        case 'malformed':
          return { type: kind, afterEvents: count(amount, kind, FAULT_HEADER) };
        case 'error': {
          const message = params.get('message');
          return {
            type: 'error',
            afterEvents: count(amount, 'error', FAULT_HEADER),
            ...(message === undefined ? {} : { message }),
          } satisfies ErrorEventFault;
        }
        default:
          throw badRequest(
            `Invalid ${FAULT_HEADER} header: unknown fault "${kind ?? item}"; ` +
              'use status=<code>[;retry_after=<s>], latency=<ms>, cut=<n>, malformed=<n> or error=<n>.',
          );
      }
    });
}

export interface Pacing {
  /** Characters of text per `step.delta` event. */
  chunkSize: number;
  /** Milliseconds between delta events. */
  delayMs: number;
}

/** Parses `x-emulator-pacing: chunk=8;delay=5` (either key optional). */
export function parsePacingHeader(value: string): Partial<Pacing> {
  const params = parseParams(value, PACING_HEADER);
  const pacing: Partial<Pacing> = {};
  for (const [key, raw] of params) {
    if (key === 'chunk') {
      const n = count(raw, 'chunk', PACING_HEADER);
      if (n < 1) throw badRequest(`Invalid ${PACING_HEADER} header: chunk must be at least 1.`);
      pacing.chunkSize = n;
    } else if (key === 'delay') pacing.delayMs = count(raw, 'delay', PACING_HEADER);
    else
      throw badRequest(
        `Invalid ${PACING_HEADER} header: unknown key "${key}"; use chunk=<chars>;delay=<ms>.`,
      );
  }
  return pacing;
}
