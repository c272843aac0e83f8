import {
  createGeminiRoute,
  DEFAULT_ALLOWED_MODELS,
  type GeminiRouteOptions,
  type WebHandler,
} from '@gemkit/server';
import {
  DEFAULT_MODEL,
  DEMO_STATUS_PATH,
  type DemoStatus,
  GEMINI_ROUTE_PATH,
  type UpstreamKind,
} from '../shared/demo-status.js';

export interface DemoApiOptions {
  /**
   * Options for `createGeminiRoute`. Left empty, the route picks its upstream itself: Gemini when
   * `GEMINI_API_KEY` is set, else the embedded emulator.
   */
  route?: GeminiRouteOptions;
  /** What the badge says when `route` names its own upstream (tests pass an emulator instance). */
  upstreamKind?: UpstreamKind;
}

export interface DemoApi {
  /** Serves `/api/gemini/*` (the Gemkit route) and `/api/demo/status`; everything under `/api`. */
  handler: WebHandler;
  upstream: UpstreamKind;
}

/** Everything the demo serves besides its static files, as one Web-standard handler mounted at `/api`. */
export function createDemoApi(options: DemoApiOptions = {}): DemoApi {
  const routeOptions = options.route ?? {};
  const route = createGeminiRoute({ ...routeOptions, basePath: GEMINI_ROUTE_PATH });
  const upstream = options.upstreamKind ?? upstreamKindOf(routeOptions);
  const status: DemoStatus = {
    upstream,
    models: allowedModelNames(routeOptions),
    defaultModel: DEFAULT_MODEL,
  };
  const statusBody = JSON.stringify(status);

  const handler = async (request: Request, context?: unknown): Promise<Response> => {
    const { pathname } = new URL(request.url);
    if (pathname === DEMO_STATUS_PATH) {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } });
      }
      return new Response(request.method === 'HEAD' ? null : statusBody, {
        headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
      });
    }
    // Everything else under /api is the route's: it answers 404 in the API's error shape outside its paths.
    return route(request, context);
  };
  return { handler: Object.assign(handler, { basePath: '/api' }), upstream };
}

/** Mirrors the route's own choice (see @gemkit/server's README, "Upstream"), only to tell the user which. */
function upstreamKindOf(options: GeminiRouteOptions): UpstreamKind {
  if (options.upstream !== undefined || options.upstreamFetch !== undefined) return 'emulator';
  return options.apiKey || process.env.GEMINI_API_KEY ? 'gemini' : 'emulator';
}

function allowedModelNames(options: GeminiRouteOptions): string[] {
  const allowed = options.allowedModels;
  return Array.isArray(allowed) ? [...allowed] : [...DEFAULT_ALLOWED_MODELS];
}
