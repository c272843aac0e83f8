import { isDeepStrictEqual } from 'node:util';
import { getText, getThoughtSummary, type Interaction } from '@gemkit/core';
import { Bench } from 'tinybench';
import { round } from '../lib/report.js';
import {
  gemkitDecode,
  gemkitDecodeOnly,
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
  /** Per-task time budget and minimum iterations (tinybench), after its warmup. */
  timeMs: number;
  iterations: number;
}

export const FULL: DecodeOptions = {
  words: 20_000,
  chunkSizes: [512, 16_384],
  timeMs: 3_000,
  iterations: 30,
};
export const QUICK: DecodeOptions = { words: 400, chunkSizes: [512], timeMs: 50, iterations: 3 };

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
  medianMs: number;
  eventsPerSecond: number;
  mbPerSecond: number;
  samples: number;
}

export interface ChunkRun {
  chunkSize: number;
  rows: Row[];
  /** SDK time ÷ Gemkit time: Gemkit's throughput as a multiple of the SDK's (target ≥ 2). */
  throughputVsSdk: number;
  /** Gemkit time ÷ JSON.parse time: Gemkit's cost in multiples of the floor (target ≤ 3). */
  costVsJsonParse: number;
}

export interface DecodeReport {
  options: DecodeOptions;
  stream: { events: number; bytes: number; textCharacters: number; thoughtCharacters: number };
  checks: Check[];
  runs: ChunkRun[];
  targets: { throughputVsSdk: number; costVsJsonParse: number; met: boolean };
}

export const TASKS = {
  gemkit: '@gemkit/core finalInteraction()',
  sdk: '@google/genai stream + accumulate',
  floor: 'JSON.parse of the payloads',
  decodeOnly: '@gemkit/core readEvents (decode only)',
  reduceOnly: '@gemkit/core reduceInteraction (reduce only)',
} as const;

export async function runDecodeBenchmark(options: DecodeOptions): Promise<DecodeReport> {
  const recording = await recordStream(options.words);
  const checks: Check[] = [];
  const runs: ChunkRun[] = [];
  for (const chunkSize of options.chunkSizes) {
    const fetch = replayFetch(recording.bytes, chunkSize);
    const decoders = { [TASKS.gemkit]: gemkitDecode(fetch), [TASKS.sdk]: genaiDecode(fetch) };
    for (const [contender, decode] of Object.entries(decoders)) {
      checks.push({ contender, chunkSize, ...check(await decode(), recording) });
    }
    const bench = new Bench({
      time: options.timeMs,
      iterations: options.iterations,
      warmupIterations: Math.max(2, Math.round(options.iterations / 5)),
      throws: true,
    });
    for (const [task, decode] of Object.entries(decoders)) bench.add(task, decode);
    bench.add(TASKS.floor, jsonParseFloor(recording.payloads));
    bench.add(TASKS.decodeOnly, gemkitDecodeOnly(fetch));
    bench.add(TASKS.reduceOnly, gemkitReduceOnly(recording.payloads));
    await bench.run();
    const rows = bench.tasks.map((task): Row => {
      const result = task.result;
      if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state}`);
      const medianMs = result.latency.p50;
      return {
        task: task.name,
        medianMs: round(medianMs, 3),
        eventsPerSecond: Math.round(recording.payloads.length / (medianMs / 1000)),
        mbPerSecond: round(recording.bytes.length / 1e6 / (medianMs / 1000), 1),
        samples: result.latency.samplesCount,
      };
    });
    const median = (task: string) => rows.find((row) => row.task === task)?.medianMs ?? Number.NaN;
    runs.push({
      chunkSize,
      rows,
      throughputVsSdk: round(median(TASKS.sdk) / median(TASKS.gemkit)),
      costVsJsonParse: round(median(TASKS.gemkit) / median(TASKS.floor)),
    });
  }
  const targets = { throughputVsSdk: 2, costVsJsonParse: 3 };
  return {
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
