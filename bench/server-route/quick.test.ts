import { describe, expect, it } from 'vitest';
import { runLoad } from './load.js';

/** The load test's quick mode, in `pnpm test`: correctness only (every text arrives whole), never timings. */
describe('server-route load test, quick mode', () => {
  it('20 concurrent streams, directly and through the route, all arrive whole', async () => {
    const report = await runLoad({
      streams: 20,
      textLength: 600,
      pacing: { chunkSize: 16, delayMs: 2 },
      isolate: false,
      sequential: 3,
    });
    expect(report.direct).toMatchObject({ streams: 20, whole: 20 });
    expect(report.route).toMatchObject({ streams: 20, whole: 20 });
    expect(report.atRest.route).toMatchObject({ streams: 3, whole: 3 });
  });
});
