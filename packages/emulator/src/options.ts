import type { Pacing } from './faults.js';
import { defaultResponder } from './responder/default.js';
import type { Responder } from './responder/types.js';
import { defaultIdGenerator, type IdKind } from './util/ids.js';

export interface EmulatorOptions {
  /** Produces the answers; default: {@link defaultResponder}. */
  responder?: Responder;
  /** Streaming pace: characters per text delta and milliseconds between deltas. */
  pacing?: Partial<Pacing>;
  /** When set, every request must carry this exact `x-goog-api-key` (or `?key=`), else 401. */
  apiKey?: string;
  /** Models accepted besides the SDK's known list. */
  models?: readonly string[];
  /** Largest request body accepted (413 beyond); default 20 MiB. */
  maxBodyBytes?: number;
  /** Largest file the Files API accepts; default 100 MiB. */
  maxFileBytes?: number;
  /** Finished interactions kept before the oldest are forgotten; default 1000. */
  maxStoredInteractions?: number;
  /** Requests kept in `emulator.requests`; default 200. */
  requestLogLimit?: number;
  /** A path prefix to strip before routing, e.g. `/gemini` to serve `/gemini/v1beta/interactions`. */
  basePath?: string;
  /** Add permissive CORS headers and answer preflights (default true), so browsers can call the CLI server. */
  cors?: boolean;
  /** Clock for `created` / `updated` / file times. */
  now?: () => Date;
  /** Id generator for interactions, files and uploads. */
  generateId?: (kind: IdKind) => string;
}

/**
 * Default pacing: 24 characters per delta, 12 ms apart — about 2,000 characters a second, so a
 * default answer streams visibly for about half a second. Non-streamed creates are not paced.
 */
export const DEFAULT_PACING: Readonly<Pacing> = { chunkSize: 24, delayMs: 12 };

export interface ResolvedOptions {
  responder: Responder;
  pacing: Pacing;
  apiKey: string | undefined;
  models: ReadonlySet<string>;
  maxBodyBytes: number;
  maxFileBytes: number;
  maxStoredInteractions: number;
  requestLogLimit: number;
  basePath: string;
  cors: boolean;
  now: () => Date;
  generateId: (kind: IdKind) => string;
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= 0))
    throw new TypeError(`createEmulator: ${name} must be a non-negative number`);
  return value;
}

export function checkPacing(pacing: Partial<Pacing> | undefined, base: Pacing, where: string): Pacing {
  const chunkSize = positive(pacing?.chunkSize, base.chunkSize, `${where}.chunkSize`);
  if (!Number.isInteger(chunkSize) || chunkSize < 1)
    throw new TypeError(`${where}.chunkSize must be an integer >= 1`);
  return { chunkSize, delayMs: positive(pacing?.delayMs, base.delayMs, `${where}.delayMs`) };
}

export function resolveOptions(options: EmulatorOptions = {}): ResolvedOptions {
  if (options.responder !== undefined && typeof options.responder !== 'function') {
    throw new TypeError('createEmulator: responder must be a function');
  }
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  if (basePath && !basePath.startsWith('/'))
    throw new TypeError('createEmulator: basePath must start with "/"');
  return {
    responder: options.responder ?? defaultResponder,
    pacing: checkPacing(options.pacing, DEFAULT_PACING, 'pacing'),
    apiKey: options.apiKey,
    models: new Set(options.models ?? []),
    maxBodyBytes: positive(options.maxBodyBytes, 20 * 1024 * 1024, 'maxBodyBytes'),
    maxFileBytes: positive(options.maxFileBytes, 100 * 1024 * 1024, 'maxFileBytes'),
    maxStoredInteractions: positive(options.maxStoredInteractions, 1000, 'maxStoredInteractions'),
    requestLogLimit: positive(options.requestLogLimit, 200, 'requestLogLimit'),
    basePath,
    cors: options.cors ?? true,
    now: options.now ?? (() => new Date()),
    generateId: options.generateId ?? defaultIdGenerator,
  };
}
