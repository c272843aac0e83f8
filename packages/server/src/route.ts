import { Call } from './call.js';
import { errorResponse, RouteError, unauthenticated } from './errors.js';
import { readOrDelete } from './handlers/by-id.js';
import { startUpload, uploadBytes } from './handlers/files.js';
import { cancelInteraction, createInteraction } from './handlers/interactions.js';
import {
  asRequest,
  HANDLE_INCOMING,
  type IncomingHandler,
  type IncomingRequest,
  type RouteReply,
} from './incoming.js';
import { redact } from './log.js';
import { webStreamOf } from './node-body.js';
import { type GeminiRouteOptions, type ResolvedOptions, resolveOptions } from './options.js';
import { OwnershipGuard } from './ownership/guard.js';
import type { RouteKind } from './paths.js';
import { preflightResponse, withCors } from './policy/cors.js';
import { checkOrigin } from './policy/origin.js';
import { enforceRateLimit } from './rate-limit/limiter.js';
import { clientAddress, ownHost } from './request-info.js';
import { RequestTargets } from './route-targets.js';
import { chooseUpstream, type Upstream } from './upstream.js';

/**
 * A Web-standard handler, usable as it is by Next.js route files, Hono, Bun, Deno and workers, and by
 * node:http / Express / Vite through `toNodeHandler`. The optional second argument may carry
 * `{ clientAddress }` (the adapter's peer address); other runtimes' context objects are ignored.
 */
export type GeminiRouteHandler = ((request: Request, context?: unknown) => Promise<Response>) & {
  /** The normalised mount point, e.g. `/api/gemini`: adapters use it to let other paths fall through. */
  readonly basePath: string;
};

const HANDLERS: Record<RouteKind, (call: Call) => Promise<RouteReply>> = {
  'interactions.create': createInteraction,
  'interactions.get': readOrDelete('interaction'),
  'interactions.delete': readOrDelete('interaction'),
  'interactions.cancel': cancelInteraction,
  'files.uploadStart': startUpload,
  'files.uploadBytes': uploadBytes,
  'files.get': readOrDelete('file'),
  'files.delete': readOrDelete('file'),
};

/** The server route to the Gemini Interactions and Files APIs: the key stays here, the policy applies. */
export function createGeminiRoute(options: GeminiRouteOptions = {}): GeminiRouteHandler {
  const config = resolveOptions(options);
  const upstream = chooseUpstream(options, config.logger);
  const guard = config.authorize ? new OwnershipGuard(config.store) : undefined;
  const targets = new RequestTargets(config.basePath);

  const handle: IncomingHandler = async (request, context) => {
    let corsOrigin: string | undefined;
    let resolved: Upstream | undefined;
    try {
      const target = targets.resolve(request.method, request.url);
      corsOrigin = checkOrigin(request, ownHost(request, target, config.trustProxy), config.allowedOrigins);
      if (request.method === 'OPTIONS') return preflightResponse(request, corsOrigin);

      const { match } = target;
      if (match instanceof RouteError) throw match;
      // No await without an `authorize`: each is a turn of the microtask queue on every call's first byte.
      const verdict = config.authorize ? await authorizeRequest(config, request) : undefined;
      if (verdict instanceof Response) return withCors(verdict, corsOrigin);
      const user = verdict;
      if (config.bucket) {
        const address = clientAddress(request, context, config.trustProxy);
        const identity =
          (await config.identify?.(asRequest(request), { user, clientAddress: address })) ??
          (user !== undefined ? `user:${user}` : `addr:${address ?? 'unknown'}`);
        await enforceRateLimit(config.store, identity, config.bucket);
      }
      const chosen = upstream();
      resolved = chosen instanceof Promise ? await chosen : chosen;
      const call = new Call(request, target, match, user, config, resolved, guard);
      try {
        return withCors(await HANDLERS[match.kind](call), corsOrigin);
      } catch (error) {
        call.release();
        throw error;
      }
    } catch (error) {
      return withCors(toErrorResponse(error, request, config, resolved), corsOrigin);
    }
  };
  const handler = async (request: Request, context?: unknown): Promise<Response> => {
    const reply = await handle(request, context);
    // Never for a Request (see `Call.relay`), but a Response is what this entry promises.
    return reply instanceof Response
      ? reply
      : new Response(webStreamOf(reply.source), { status: reply.status, headers: reply.headers });
  };
  return Object.assign(handler, { basePath: config.basePath, [HANDLE_INCOMING]: handle });
}

/** Runs the app's `authorize`: a `Response` to return as it is, or the user (`undefined` when anonymous). */
async function authorizeRequest(
  config: ResolvedOptions,
  request: IncomingRequest,
): Promise<Response | string | undefined> {
  if (!config.authorize) return undefined;
  const verdict = await config.authorize(asRequest(request));
  if (verdict instanceof Response) return verdict;
  if (verdict === false) throw unauthenticated('This route needs you to be signed in.');
  if (
    typeof verdict === 'object' &&
    verdict !== null &&
    typeof verdict.user === 'string' &&
    verdict.user !== ''
  ) {
    return verdict.user;
  }
  return undefined;
}

function toErrorResponse(
  error: unknown,
  request: IncomingRequest,
  config: ResolvedOptions,
  upstream: Upstream | undefined,
): Response {
  if (error instanceof RouteError) return errorResponse(error);
  if (request.signal.aborted) {
    // The client is gone; nobody reads this. Not logged: a stop button is not an error.
    return errorResponse(new RouteError(499, 'INVALID_ARGUMENT', 'The client closed the request.'));
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  config.logger.error(redact(`Unexpected error: ${detail}`, [upstream?.apiKey]));
  return errorResponse(new RouteError(500, 'INTERNAL', 'Internal error.'));
}
