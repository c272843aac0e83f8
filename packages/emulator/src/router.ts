import type { EmulatorState, RequestScope } from './context.js';
import { createInteraction } from './routes/create-interaction.js';
import { deleteFile, getFile, listFiles } from './routes/files.js';
import { cancelInteraction, deleteInteraction, getInteraction } from './routes/interaction-by-id.js';
import { upload } from './routes/upload.js';

type RouteHandler = (state: EmulatorState, scope: RequestScope, id: string) => Response | Promise<Response>;

interface Route {
  pattern: RegExp;
  methods: Readonly<Record<string, RouteHandler>>;
}

const ID = '([^/]+)';

const ROUTES: readonly Route[] = [
  { pattern: /^\/v1beta\/interactions$/, methods: { POST: createInteraction } },
  {
    pattern: new RegExp(`^/v1beta/interactions/${ID}$`),
    methods: { GET: getInteraction, DELETE: (state, _scope, id) => deleteInteraction(state, id) },
  },
  {
    pattern: new RegExp(`^/v1beta/interactions/${ID}/cancel$`),
    methods: { POST: (state, _scope, id) => cancelInteraction(state, id) },
  },
  { pattern: /^\/upload\/v1beta\/files$/, methods: { POST: upload } },
  { pattern: /^\/v1beta\/files$/, methods: { GET: (state) => listFiles(state) } },
  {
    pattern: new RegExp(`^/v1beta/files/${ID}$`),
    methods: {
      GET: (state, _scope, id) => getFile(state, id),
      DELETE: (state, _scope, id) => deleteFile(state, id),
    },
  },
];

export type Resolution =
  | { kind: 'route'; handler: RouteHandler; id: string }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

export function resolveRoute(method: string, path: string): Resolution {
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    const handler = route.methods[method];
    if (!handler) return { kind: 'method-not-allowed', allowed: Object.keys(route.methods) };
    let id = match[1] ?? '';
    try {
      id = decodeURIComponent(id);
    } catch {
      // A malformed escape is left as sent; it simply names nothing.
    }
    return { kind: 'route', handler, id };
  }
  return { kind: 'not-found' };
}
