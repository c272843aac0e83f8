import { describe, expect, it } from 'vitest';
import { runLoad } from './load.js';

/**
 * The load test's quick mode, in `pnpm test`: correctness only (every text arrives whole, the child
 * processes answer), never timings.
 */
describe('server-route load test, quick mode', () => {
  it('20 concurrent streams and 3 at rest, directly, through the route in its own process and through the bare proxy, all arrive whole', async () => {
    const report = await runLoad({
      streams: 20,
      rounds: 1,
      textLength: 300,
      pacing: { chunkSize: 16, delayMs: 2 },
      restStreams: 3,
      restTextLength: 40,
      isolate: true,
      pinning: null,
    });
    expect(report.concurrent.direct).toMatchObject({ streams: 20, whole: 20 });
    expect(report.concurrent.route).toMatchObject({ streams: 20, whole: 20 });
    expect(report.atRest.direct).toMatchObject({ streams: 3, whole: 3 });
    expect(report.atRest.route).toMatchObject({ streams: 3, whole: 3 });
    expect(report.atRest.bareProxy).toMatchObject({ streams: 3, whole: 3 });
    expect(report.cpuPerStreamMs?.route).toBeGreaterThan(0);
  }, 60_000);
});
