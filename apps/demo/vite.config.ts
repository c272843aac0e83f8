import react from '@vitejs/plugin-react';
import { defaultClientConditions, defaultServerConditions, defineConfig, type UserConfig } from 'vite';

// The workspace packages are used from their TypeScript sources (the `@gemkit/source` export condition), so
// neither `pnpm dev` nor `pnpm build` here needs the packages built first. An app outside this repository
// imports the published packages and needs none of this.
const source = '@gemkit/source';

/** `vite build`: the app's two pages (the chat, and the sample page with the widget). */
const client: UserConfig = {
  plugins: [react()],
  resolve: { conditions: [source, ...defaultClientConditions] },
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    rolldownOptions: { input: { main: 'index.html', widget: 'widget.html' } },
  },
};

/**
 * `vite build --ssr`: the production server (src/server/main.ts) as one Node bundle, workspace packages
 * included, so that `pnpm start` runs it with plain `node`.
 */
const server: UserConfig = {
  resolve: { conditions: [source, ...defaultServerConditions] },
  ssr: { noExternal: true, resolve: { conditions: [source, ...defaultServerConditions] } },
  build: {
    ssr: true,
    outDir: 'dist/server',
    target: 'node20',
    emptyOutDir: true,
    rolldownOptions: { input: { main: 'src/server/main.ts', 'demo-server': 'src/server/demo-server.ts' } },
  },
};

export default defineConfig(({ isSsrBuild }) => (isSsrBuild ? server : client));
