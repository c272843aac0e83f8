import type { EmulatorState, RequestScope } from './context.js';
import {
  FAULT_HEADER,
  type FaultKind,
  type FaultPhase,
  faultPhase,
  PACING_HEADER,
  parseFaultHeader,
  parsePacingHeader,
} from './faults.js';
import { describeBody, readBody } from './http/body.js';
import { preflight, withCors } from './http/cors.js';
import { EmulatorApiError, errorResponse, notFound, toApiError } from './http/errors.js';
import { redactHeaders, redactQuery } from './log.js';
import { checkPacing } from './options.js';
import { resolveRoute } from './router.js';
import { sleep } from './util/sleep.js';

export const API_REVISION = '2026-05-20';

const DEFAULT_FAULT_MESSAGES: Readonly<Record<number, string>> = {
  429: 'Resource has been exhausted (e.g. check quota).',
  500: 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
  503: 'The model is overloaded. Please try again later.',
};

/**
 * The Web-standard handler: `(Request) => Promise<Response>`. Every failure, whatever its cause,
 * becomes a response in the API's error shape; nothing thrown escapes.
 */
export function createHandler(state: EmulatorState): (request: Request) => Promise<Response> {
  return async (request) => {
    let response: Response;
    try {
      response = await handle(state, request);
    } catch (error) {
      response = errorResponse(toApiError(error));
    }
    return state.options.cors ? withCors(response) : response;
  };
}

async function handle(state: EmulatorState, request: Request): Promise<Response> {
  const { options } = state;
  const url = new URL(request.url);
  const method = request.method.toUpperCase();
  if (method === 'OPTIONS' && options.cors) return preflight(request);
  const inBase =
    options.basePath === '' ||
    url.pathname === options.basePath ||
    url.pathname.startsWith(`${options.basePath}/`);
  const path = inBase ? url.pathname.slice(options.basePath.length) || '/' : url.pathname;

  state.stats.requests++;
  let body: Uint8Array = new Uint8Array(0);
  let bodyError: unknown;
  try {
    body = await readBody(request, options.maxBodyBytes);
  } catch (error) {
    bodyError = error;
  }
  state.log.add({
    method,
    path,
    query: redactQuery(url.searchParams),
    headers: redactHeaders(request.headers),
    body: bodyError === undefined ? describeBody(body) : undefined,
    time: options.now().toISOString(),
  });
  if (bodyError !== undefined) throw bodyError;
  if (!inBase)
    throw notFound(`Path ${url.pathname} is outside the emulator's base path ${options.basePath}.`);

  checkCredentials(state, request, url);
  const revision = request.headers.get('api-revision');
  if (revision !== null && revision !== API_REVISION) {
    throw new EmulatorApiError(
      400,
      `Api-Revision '${revision}' is not supported: this server implements the Interactions API revision ${API_REVISION}.`,
    );
  }

  const headerFaults = parseFaultHeader(request.headers.get(FAULT_HEADER) ?? '');
  const pacingHeader = request.headers.get(PACING_HEADER);
  const pacing =
    pacingHeader === null
      ? options.pacing
      : checkPacing(parsePacingHeader(pacingHeader), options.pacing, PACING_HEADER);
  const take = (phase: FaultPhase): FaultKind | undefined => {
    const index = headerFaults.findIndex((f) => faultPhase(f) === phase);
    const fault = index >= 0 ? headerFaults.splice(index, 1)[0] : state.faults.take(phase, method, path);
    if (fault) state.stats.faultsApplied++;
    return fault;
  };
  // Every request-phase fault in the header applies; from the queue, one per request.
  let fault = take('request');
  while (fault) {
    await applyRequestFault(fault, request.signal);
    fault = headerFaults.some((f) => faultPhase(f) === 'request') ? take('request') : undefined;
  }

  const route = resolveRoute(method, path);
  if (route.kind === 'not-found') {
    throw notFound(
      `Path ${path} not found. The emulator serves /v1beta/interactions, /v1beta/files and /upload/v1beta/files.`,
    );
  }
  if (route.kind === 'method-not-allowed') {
    throw new EmulatorApiError(
      405,
      `Method ${method} is not allowed on ${path}; allowed: ${route.allowed.join(', ')}.`,
      {
        headers: { allow: route.allowed.join(', ') },
      },
    );
  }
  const scope: RequestScope = { request, url, method, path, body, pacing, takeFault: take };
  return route.handler(state, scope, route.id);
}

async function applyRequestFault(fault: FaultKind, signal: AbortSignal): Promise<void> {
  if (fault.type === 'latency') {
    await sleep(fault.ms, signal);
    if (signal.aborted)
      throw new EmulatorApiError(499, 'The client closed the request during injected latency.');
    return;
  }
  if (fault.type === 'status') {
    throw new EmulatorApiError(
      fault.status,
      fault.message ?? DEFAULT_FAULT_MESSAGES[fault.status] ?? `Injected fault: HTTP ${fault.status}.`,
      {
        ...(fault.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: fault.retryAfterSeconds }),
      },
    );
  }
}

function checkCredentials(state: EmulatorState, request: Request, url: URL): void {
  const expected = state.options.apiKey;
  if (expected === undefined) return;
  const given = request.headers.get('x-goog-api-key') ?? url.searchParams.get('key');
  if (given !== expected) {
    throw new EmulatorApiError(
      401,
      given === null
        ? 'Request is missing an API key: send it in the x-goog-api-key header.'
        : 'API key not valid. Please pass a valid API key.',
    );
  }
}
