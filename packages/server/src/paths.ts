import { methodNotAllowed, notFound, type RouteError } from './errors.js';

/** Everything the route forwards. Anything else is refused before it can reach the upstream. */
export type RouteKind =
  | 'interactions.create'
  | 'interactions.get'
  | 'interactions.delete'
  | 'interactions.cancel'
  | 'files.uploadStart'
  | 'files.uploadBytes'
  | 'files.get'
  | 'files.delete';

export interface RouteMatch {
  kind: RouteKind;
  /** The interaction id, or the file id (without `files/`), when the path names one. */
  id?: string;
  /** The upstream path, rebuilt from the parts that matched (never copied from the request). */
  upstreamPath: string;
  /**
   * The upstream query (without `?`, empty for none): only the parameters this call takes; any other (e.g. a
   * client's `key=`) is dropped.
   */
  query: string;
}

/**
 * Ids of interactions and files: letters, digits, `_` and `-`. Strict on purpose: it leaves no room for
 * `.`/`..`, `/`, `%`-encodings or anything else that could steer the upstream URL somewhere else.
 */
const ID = '([A-Za-z0-9_-]{1,256})';

interface RouteSpec {
  pattern: RegExp;
  methods: Partial<Record<string, RouteKind>>;
  path: (id: string | undefined) => string;
}

const ROUTES: readonly RouteSpec[] = [
  {
    pattern: /^\/v1beta\/interactions$/,
    methods: { POST: 'interactions.create' },
    path: () => '/v1beta/interactions',
  },
  {
    pattern: new RegExp(`^/v1beta/interactions/${ID}$`),
    methods: { GET: 'interactions.get', DELETE: 'interactions.delete' },
    path: (id) => `/v1beta/interactions/${id}`,
  },
  {
    pattern: new RegExp(`^/v1beta/interactions/${ID}/cancel$`),
    methods: { POST: 'interactions.cancel' },
    path: (id) => `/v1beta/interactions/${id}/cancel`,
  },
  {
    pattern: /^\/upload\/v1beta\/files$/,
    methods: { POST: 'files.uploadStart' },
    path: () => '/upload/v1beta/files',
  },
  {
    pattern: new RegExp(`^/v1beta/files/${ID}$`),
    methods: { GET: 'files.get', DELETE: 'files.delete' },
    path: (id) => `/v1beta/files/${id}`,
  },
];

const QUERY_ALLOWED: Record<RouteKind, readonly string[]> = {
  'interactions.create': ['alt'],
  'interactions.get': ['stream', 'last_event_id', 'include_input', 'alt'],
  'interactions.delete': [],
  'interactions.cancel': [],
  'files.uploadStart': [],
  'files.uploadBytes': ['upload_id', 'upload_protocol'],
  'files.get': [],
  'files.delete': [],
};

/** `/api/gemini/` → `/api/gemini`; throws on a base path that could never match a request path. */
export function normalizeBasePath(basePath: string): string {
  const trimmed = basePath.replace(/\/+$/, '');
  const segments = trimmed.split('/').slice(1);
  if (
    trimmed !== '' &&
    (!/^(\/[A-Za-z0-9._~-]+)+$/.test(trimmed) || segments.some((s) => s === '.' || s === '..'))
  ) {
    throw new TypeError(`basePath must look like '/api/gemini', got ${JSON.stringify(basePath)}`);
  }
  return trimmed;
}

/** Whether a request path is under the route's base path at all (for adapters that fall through). */
export function isUnderBasePath(pathname: string, basePath: string): boolean {
  return basePath === '' || pathname === basePath || pathname.startsWith(`${basePath}/`);
}

/**
 * Matches a request URL against the forwarded API surface. `url.pathname` is already normalised by the
 * URL parser (dot segments, including `%2e%2e`, are resolved), so a traversal either leaves the base path
 * or fails the strict patterns above.
 */
export function matchRoute(method: string, url: URL, basePath: string): RouteMatch | RouteError {
  if (!isUnderBasePath(url.pathname, basePath)) return notFound();
  const rest = url.pathname.slice(basePath.length);
  for (const route of ROUTES) {
    const found = route.pattern.exec(rest);
    if (!found) continue;
    let kind = route.methods[method];
    if (!kind) return methodNotAllowed(Object.keys(route.methods));
    // The resumable protocol's byte upload goes to the same path as its start, told apart by `upload_id`.
    if (kind === 'files.uploadStart' && url.searchParams.has('upload_id')) kind = 'files.uploadBytes';
    const id = found[1];
    return {
      kind,
      id,
      upstreamPath: route.path(id),
      query: pickQuery(url.searchParams, QUERY_ALLOWED[kind]),
    };
  }
  return notFound();
}

function pickQuery(params: URLSearchParams, allowed: readonly string[]): string {
  const picked = new URLSearchParams();
  for (const name of allowed) {
    const value = params.get(name);
    if (value !== null) picked.set(name, value);
  }
  return picked.toString();
}
