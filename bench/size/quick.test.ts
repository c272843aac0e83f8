import { describe, expect, it } from 'vitest';
import { runSizeBenchmark } from './benchmark.js';
import { measureBundle } from './bundle.js';
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

  it("keeps code the first render does not run out of a chat's up-front bundle: it loads on first use", async () => {
    const chat = entries().find((entry) => entry.key === 'gemkit-chat');
    if (!chat) throw new Error('no chat entry');
    const size = await measureBundle(chat);
    const upFront = size.inputs.map((input) => input.path);
    expect(upFront).toContain('packages/core/src/conversation/conversation.ts');
    expect(upFront).toContain('packages/core/src/client/create-client.ts');
    for (const lazy of LAZY_MODULES) expect(upFront).not.toContain(`packages/core/src/${lazy}`);
    expect(size.lazyGzip).toBeGreaterThan(0);
  }, 60_000);
});

/** Each loads with the first use of what it does; bundled up front, it would break the 8 KB budget. */
const LAZY_MODULES = [
  // The Files API and attachments: with the first attachment.
  'client/files.ts',
  'conversation/attachments.ts',
  'conversation/user-attachments.ts',
  // The client's transport and Interactions API: prefetched when a chat mounts, else on the first request.
  'client/client-apis.ts',
  'client/http.ts',
  'client/interactions.ts',
  // The stream (SSE decoding, the reducer, resume): prefetched too, else while the first request is on its way.
  'client/interaction-stream.ts',
  'sse/decode.ts',
  'reduce/reduce-interaction.ts',
  'reduce/apply-delta.ts',
  // Failures: the error body and the retry policy, with the first failed request.
  'client/api-error.ts',
  'client/retry.ts',
];
