import { describe, expect, it } from 'vitest';
import { CONTENDERS, QUICK, runStreamingRender } from './benchmark.js';

/**
 * The streaming-render benchmark's quick mode, in `pnpm test`: a short answer streamed into every contender
 * in Chromium. Each must show the whole answer, and every metric must be collected; no timing is judged.
 */
describe('streaming render benchmark, quick mode', () => {
  it('every contender renders the whole answer, and its metrics are collected', async () => {
    const report = await runStreamingRender(QUICK);
    const [size] = report.sizes;
    expect(size?.stream.deltas).toBeGreaterThan(300);
    expect(size?.rows.map((row) => row.contender)).toEqual(Object.values(CONTENDERS).map(({ key }) => key));
    for (const row of size?.rows ?? []) {
      const [run] = row.runs;
      expect(run?.errors, row.name).toEqual([]);
      if (row.contender !== CONTENDERS.streamOnly.key) {
        // Every piece of text in order, and every heading, table, code block and list item (of each, some).
        expect(Object.values(run?.check?.expectedCounts ?? {}).every((count) => count > 0)).toBe(true);
        expect(run?.check?.piecesFound, row.name).toBe(run?.check?.pieces);
        expect(run?.check?.counts, row.name).toEqual(run?.check?.expectedCounts);
        expect(row.commits, row.name).toBeGreaterThan(1);
        expect(row.scriptMs, row.name).toBeGreaterThan(0);
        expect(row.layoutStyleMs, row.name).toBeGreaterThan(0);
      }
      expect(row.fullText, row.name).toBe(true);
      for (const value of [row.mainThreadMs, row.wallMs, row.heapMB]) {
        expect(Number.isFinite(value) && value > 0, row.name).toBe(true);
      }
      expect(row.longestTaskMs).toBeGreaterThanOrEqual(0);
    }
    expect([CONTENDERS.streamdown.key, CONTENDERS.streamdownThrottled.key]).toContain(size?.anchor);
    expect(Number.isFinite(size?.gemkitVsAnchor)).toBe(true);
  }, 90_000);
});
