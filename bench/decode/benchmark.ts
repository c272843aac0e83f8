import { isDeepStrictEqual } from 'node:util';
import { getText, getThoughtSummary, type Interaction } from '@gemkit/core';
import { measureInterleaved } from '../lib/measure.js';
import { round } from '../lib/report.js';
import {
  gemkitDecode,
  gemkitDecodeOnly,
  gemkitIterate,
  gemkitReduceOnly,
  genaiDecode,
  jsonParseFloor,
} from './contenders.js';
import { type Recording, recordStream } from './record.js';
import { replayFetch } from './replay.js';

export interface DecodeOptions {
  /** Words in the recorded answer: 20,000 give about 6,000 events (~0.9 MB). */
  words: number;
  /** Read sizes the body is cut into: a few events per read (paced over a network) and a TLS record. */
  chunkSizes: number[];
  /** Interleaved rounds; per task and round a time budget (ms) and minimum iterations (tinybench). */
  rounds: number;
  timeMs: number;
  iterations: number;
}

export const FULL: DecodeOptions = {
  words: 20_000,
  chunkSizes: [512, 16_384],
  rounds: 30,
  timeMs: 100,
  iterations: 2,
};
export const QUICK: DecodeOptions = { words: 400, chunkSizes: [512], rounds: 1, timeMs: 20, iterations: 2 };

/** The fields the stream's events carry; the rebuilt Interaction must equal the stored one on them. */
const EVENT_FIELDS = ['id', 'status', 'model', 'object', 'created', 'updated', 'steps', 'usage'] as const;

export interface Check {
  contender: string;
  chunkSize: number;
  text: boolean;
  thoughts: boolean;
  interaction: boolean;
}

export interface Row {
  task: string;
  /** Process CPU time per decode (see `clock`): median, and the middle half of the samples. */
  medianMs: number;
  p25Ms: number;
  p75Ms: number;
  eventsPerSecond: number;
  mbPerSecond: number;
  samples: number;
}

export interface ChunkRun {
  chunkSize: number;
  rows: Row[];
  /** SDK time (its faster path) ÷ Gemkit time: Gemkit's throughput as a multiple of the SDK's (target ≥ 2). */
  throughputVsSdk: number;
  /** Gemkit time ÷ JSON.parse time: Gemkit's cost in multiples of the floor (target ≤ 3). */
  costVsJsonParse: number;
}

export interface DecodeReport {
  /** What the times measure. */
  clock: string;
  options: DecodeOptions;
  stream: { events: number; bytes: number; textCharacters: number; thoughtCharacters: number };
  checks: Check[];
  runs: ChunkRun[];
  targets: { throughputVsSdk: number; costVsJsonParse: number; met: boolean };
}

export const TASKS = {
  gemkit: '@gemkit/core finalInteraction()',
  gemkitIterate: '@gemkit/core for await + snapshot',
  sdk: '@google/genai create stream + accumulate',
  sdkLowest: '@google/genai get stream + accumulate',
  floor: 'JSON.parse of the payloads',
  decodeOnly: '@gemkit/core createEventDecoder (decode only)',
  reduceOnly: '@gemkit/core reduceInteraction (reduce only)',
} as const;

export async function runDecodeBenchmark(options: DecodeOptions): Promise<DecodeReport> {
  const recording = await recordStream(options.words);
  const checks: Check[] = [];
  const runs: ChunkRun[] = [];
  for (const chunkSize of options.chunkSizes) {
    const fetch = replayFetch(recording.bytes, chunkSize);
    const decoders = {
      [TASKS.gemkit]: gemkitDecode(fetch),
      [TASKS.gemkitIterate]: gemkitIterate(fetch),
      [TASKS.sdk]: genaiDecode(fetch, 'create'),
      [TASKS.sdkLowest]: genaiDecode(fetch, 'get'),
    };
    for (const [contender, decode] of Object.entries(decoders)) {
      checks.push({ contender, chunkSize, ...check(await decode(), recording) });
    }
    const measured = await measureInterleaved(
      {
        ...decoders,
        [TASKS.floor]: jsonParseFloor(recording.payloads),
        [TASKS.decodeOnly]: gemkitDecodeOnly(fetch),
        [TASKS.reduceOnly]: gemkitReduceOnly(recording.payloads),
      },
      options,
    );
    const rows = measured.map(
      ({ task, medianMs, p25Ms, p75Ms, samples }): Row => ({
        task,
        medianMs: round(medianMs, 3),
        p25Ms: round(p25Ms, 3),
        p75Ms: round(p75Ms, 3),
        eventsPerSecond: Math.round(recording.payloads.length / (medianMs / 1000)),
        mbPerSecond: round(recording.bytes.length / 1e6 / (medianMs / 1000), 1),
        samples,
      }),
    );
    const median = (task: string) => rows.find((row) => row.task === task)?.medianMs ?? Number.NaN;
    runs.push({
      chunkSize,
      rows,
      // Against the faster of the SDK's two paths.
      throughputVsSdk: round(Math.min(median(TASKS.sdk), median(TASKS.sdkLowest)) / median(TASKS.gemkit)),
      costVsJsonParse: round(median(TASKS.gemkit) / median(TASKS.floor)),
    });
  }
  const targets = { throughputVsSdk: 2, costVsJsonParse: 3 };
  return {
    clock: 'process CPU time (process.cpuUsage), ms; tasks interleaved over tinybench rounds',
    options,
    stream: {
      events: recording.payloads.length,
      bytes: recording.bytes.length,
      textCharacters: recording.text.length,
      thoughtCharacters: recording.thoughts.length,
    },
    checks,
    runs,
    targets: {
      ...targets,
      met: runs.every(
        (run) =>
          run.throughputVsSdk >= targets.throughputVsSdk && run.costVsJsonParse <= targets.costVsJsonParse,
      ),
    },
  };
}

function check(decoded: Interaction, recording: Recording): Omit<Check, 'contender' | 'chunkSize'> {
  const pick = (interaction: Interaction) =>
    Object.fromEntries(EVENT_FIELDS.map((field) => [field, interaction[field]]));
  return {
    text: getText(decoded) === recording.text,
    thoughts: getThoughtSummary(decoded) === recording.thoughts,
    interaction: isDeepStrictEqual(pick(decoded), pick(recording.stored)),
  };
}
