import { existsSync, readFileSync } from 'node:fs';

export interface Entry {
  key: string;
  /** What is measured, for the table. */
  name: string;
  /** The import an app writes. */
  contents: string;
  /** Left out of the bundle: the peer dependencies an app provides anyway. */
  external: string[];
  /** The names the bundle must export. */
  exports: string[];
  /** Target for the up-front gzip size, in bytes (1 KB = 1024 bytes). */
  targetGzip?: number;
  /** The entry this one is compared with. */
  anchor?: string;
  /** Why the entry cannot be measured yet (a package still being written); measured otherwise. */
  missing?: string;
  /** Modules prefetched once the page is idle (see BundleOptions.prefetched). */
  prefetched?: string[];
  /** Workspace packages bundled as tsdown builds them rather than from source (see published.ts). */
  published?: string[];
}

/** What a chat prefetches on mount: the client's transport and Interactions API, and the stream's code. */
const CHAT_PREFETCH = ['core/client/client-apis', 'core/client/interaction-stream'];

const REACT = ['react', 'react-dom'];
const uiSource = new URL('../../packages/ui/src/index.ts', import.meta.url);
const uiPackage = new URL('../../packages/ui/package.json', import.meta.url);

/** @gemkit/ui's peer dependencies, read from its package.json (React, today). */
function uiPeers(): string[] {
  if (!existsSync(uiPackage)) return REACT;
  const { peerDependencies = {} } = JSON.parse(readFileSync(uiPackage, 'utf8')) as {
    peerDependencies?: Record<string, string>;
  };
  return Object.keys(peerDependencies);
}

/** The chat hook: what an app imports for a chat, against the AI SDK's, within the 8 KB target. */
const chat: Entry = {
  key: 'gemkit-chat',
  name: '@gemkit/core + @gemkit/react: a chat hook',
  contents: "export { GemkitProvider, useConversation } from '@gemkit/react';",
  external: REACT,
  exports: ['GemkitProvider', 'useConversation'],
  targetGzip: 8 * 1024,
  anchor: 'ai-sdk-chat',
  prefetched: CHAT_PREFETCH,
};

export function entries(): Entry[] {
  const ui = existsSync(uiSource) ? undefined : 'not yet built: packages/ui/src/index.ts does not exist';
  return [
    chat,
    // What users install: a lazy chunk that stayed apart in src but not in the published files shows here.
    {
      ...chat,
      key: 'gemkit-chat-published',
      name: '… the same, from the published builds',
      published: ['core', 'react'],
    },
    {
      key: 'ai-sdk-chat',
      name: 'ai + @ai-sdk/react: the same chat hook',
      contents: "export { useChat } from '@ai-sdk/react';\nexport { DefaultChatTransport } from 'ai';",
      external: REACT,
      exports: ['useChat', 'DefaultChatTransport'],
    },
    {
      // zod is a peer dependency of `ai`, yet useChat imports it: an app ships it unless it already has it.
      key: 'ai-sdk-chat-without-zod',
      name: 'ai + @ai-sdk/react, zod left out',
      contents: "export { useChat } from '@ai-sdk/react';\nexport { DefaultChatTransport } from 'ai';",
      external: [...REACT, 'zod'],
      exports: ['useChat', 'DefaultChatTransport'],
    },
    {
      key: 'gemkit-core-client',
      name: '@gemkit/core: client, SSE decoder, reducer, errors',
      contents: "export { createClient, reduceInteraction, toGemkitError } from '@gemkit/core';",
      external: [],
      exports: ['createClient', 'reduceInteraction', 'toGemkitError'],
    },
    {
      key: 'gemkit-ui',
      name: '@gemkit/ui: all of it, without its peer dependencies',
      contents: "export * from '@gemkit/ui';",
      external: uiPeers(),
      exports: ['Chat', 'Markdown'],
      targetGzip: 30 * 1024,
      missing: ui,
    },
    {
      key: 'gemkit-ui-over-react',
      name: '@gemkit/ui on top of @gemkit/react (its own weight)',
      contents: "export * from '@gemkit/ui';",
      external: [...uiPeers(), '@gemkit/react', '@gemkit/core'],
      exports: ['Chat', 'Markdown'],
      missing: ui,
    },
  ];
}
