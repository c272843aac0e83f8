import { describe, expect, it } from 'vitest';
import { bootstrapMedianInterval, compareWithCommit } from './compare-commits.js';
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
    expect(Number.isFinite(report.atRest.pairedAddedTtfbP50Ms)).toBe(true);
  }, 60_000);
});

describe('comparing the route with another commit of itself, quick mode', () => {
  it("runs HEAD's route, bundled from git, beside this checkout's: every stream whole, every turn paired", async () => {
    const report = await compareWithCommit({ base: 'HEAD', streams: 4, warmupTurns: 1 });
    expect(report.base).toMatch(/^[0-9a-f]{7,}$/);
    expect(report.streams).toBe(4);
    for (const value of [report.directTtfbP50Ms, report.baseAddedTtfbP50Ms, report.currentAddedTtfbP50Ms]) {
      expect(Number.isFinite(value)).toBe(true);
    }
    const [low, high] = report.pairedDifference95Ms;
    expect(low).toBeLessThanOrEqual(report.pairedDifferenceMedianMs);
    expect(high).toBeGreaterThanOrEqual(report.pairedDifferenceMedianMs);
  }, 60_000);

  it('bootstraps an interval that holds the median, and a point when every value is the same', () => {
    expect(bootstrapMedianInterval([2, 2, 2, 2])).toEqual([2, 2]);
    const values = Array.from({ length: 101 }, (_, i) => i);
    const [low, high] = bootstrapMedianInterval(values);
    expect(low).toBeLessThan(50);
    expect(high).toBeGreaterThan(50);
    expect(high - low).toBeLessThan(40);
  });
});
