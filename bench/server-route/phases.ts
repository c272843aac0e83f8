import { round } from '../lib/report.js';
import { percentile, runStream, type StreamResult, type StreamTarget, uniqueText } from './streams.js';

export const MODEL = 'gemini-3-flash-preview';

export interface Summary {
  streams: number;
  /** Streams whose text arrived whole and that completed. */
  whole: number;
  ttfbP50Ms: number;
  ttfbP99Ms: number;
}

export interface Round {
  results: StreamResult[];
  wallMs: number;
}

export interface RoundSummary extends Summary {
  wallMs: number;
  bytes: number;
  events: number;
  /** Over the round: from the first request to the last stream's end. */
  eventsPerSecond: number;
  mbPerSecond: number;
}

/**
 * One stream at a time, taking turns: directly, through the route, directly, … A machine whose load drifts
 * during the run (other work on it) then slows both alike, and neither waits behind another stream.
 */
export async function takingTurns(
  targets: readonly StreamTarget[],
  count: number,
  textLength: number,
): Promise<StreamResult[][]> {
  const results: StreamResult[][] = targets.map(() => []);
  for (let i = 0; i < count; i++) {
    for (const [t, target] of targets.entries()) {
      results[t]?.push(await runStream(target, uniqueText(i, textLength), MODEL));
    }
  }
  return results;
}

/**
 * `count` streams at once. `whenAllOpen` runs once every stream has its first byte, with the number of
 * streams still open then (all of them, when the streams last longer than the ramp-up).
 */
export async function atOnce(
  target: StreamTarget,
  count: number,
  textLength: number,
  whenAllOpen?: (open: number) => Promise<void>,
): Promise<Round> {
  const started = performance.now();
  let firstBytes = 0;
  let finished = 0;
  let sampling: Promise<void> | undefined;
  const results = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const result = await runStream(target, uniqueText(i, textLength), MODEL, () => {
        firstBytes++;
        if (whenAllOpen && firstBytes === count) sampling = whenAllOpen(count - finished);
      });
      finished++;
      return result;
    }),
  );
  const wallMs = performance.now() - started;
  await sampling;
  return { results, wallMs };
}

export function summarize(results: readonly StreamResult[]): Summary {
  const ttfbs = results.map((r) => r.ttfbMs);
  return {
    streams: results.length,
    whole: results.filter((r) => r.whole).length,
    ttfbP50Ms: round(percentile(ttfbs, 50)),
    ttfbP99Ms: round(percentile(ttfbs, 99)),
  };
}

export function summarizeRound({ results, wallMs }: Round): RoundSummary {
  const bytes = results.reduce((sum, r) => sum + r.bytes, 0);
  const events = results.reduce((sum, r) => sum + r.events, 0);
  return {
    ...summarize(results),
    wallMs: round(wallMs),
    bytes,
    events,
    eventsPerSecond: Math.round(events / (wallMs / 1000)),
    mbPerSecond: round(bytes / 1_048_576 / (wallMs / 1000), 3),
  };
}

export function median(values: readonly number[]): number {
  return percentile([...values], 50);
}
