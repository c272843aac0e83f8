import { describe, expect, it } from 'vitest';
import { measureEntryBundle, runSizeBenchmark } from './benchmark.js';
import { entries } from './entries.js';

/** The bundle-size benchmark in `pnpm test`: every import bundles to what it asks for; sizes are not judged. */
describe('bundle-size benchmark', () => {
  it('bundles each typical import with the names it asks for, or says that a package is not built yet', async () => {
    const report = await runSizeBenchmark();
    for (const entry of entries()) {
      const row = report.rows.find((candidate) => candidate.key === entry.key);
      if (entry.missing) {
        expect(row?.status).toMatch(/^not yet built/);
        continue;
      }
      expect(row?.status).toBe('measured');
      expect(row?.size?.gzip).toBeGreaterThan(0);
      expect(row?.size?.exports).toEqual(expect.arrayContaining(entry.exports));
    }
    const chat = report.rows.find((row) => row.key === 'gemkit-chat');
    expect(chat?.vsAnchor?.anchor).toBe('ai-sdk-chat');
  }, 120_000);

  // From source and from the published builds: an app's bundler must split both the same way.
  it.each(['gemkit-chat', 'gemkit-chat-published'])(
    "%s: code the first render does not run stays out of a chat's up-front bundle",
    async (key) => {
      const chat = entries().find((entry) => entry.key === key);
      if (!chat) throw new Error(`no entry ${key}`);
      const { modules } = await measureEntryBundle(chat);
      expect(modules.upFront).toContain('core/conversation/conversation');
      expect(modules.upFront).toContain('core/client/create-client');
      for (const name of PREFETCHED) expect(modules.prefetched).toContain(name);
      for (const name of LAZY) expect(modules.lazy).toContain(name);
    },
    60_000,
  );
});

/** A chat's mount prefetches these once the page is idle, so that its first send does not wait for them. */
const PREFETCHED = [
  // The client's transport and Interactions API.
  'core/client/client-apis',
  'core/client/http',
  'core/client/interactions',
  // The stream: SSE decoding and the reducer.
  'core/client/interaction-stream',
  'core/sse/decode',
  'core/reduce/reduce-interaction',
  'core/reduce/apply-delta',
];

/** Each loads with the first use of what it does. */
const LAZY = [
  // The Files API and attachments: with the first attachment.
  'core/client/files',
  'core/conversation/attachments',
  'core/conversation/user-attachments',
  // Failures: the error body of a failed request, the retry policy, resuming a broken stream.
  'core/client/api-error',
  'core/client/retry',
  'core/client/reopen-stream',
  // A turn that goes on: resumed after a reload, or after function calls (onToolCall, addToolResult).
  'core/conversation/continue-turn',
  'core/conversation/tool-round',
  'core/conversation/tool-results',
  'core/conversation/tool-calls',
  // Adding up the usage of a turn's requests: only a turn that went on has more than one.
  'core/conversation/usage-sum',
];
