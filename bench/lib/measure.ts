import { Bench, type Fn, type TimestampProvider } from 'tinybench';

export interface MeasureOptions {
  /** Rounds of all tasks, each a fresh tinybench run (the first one warms up). */
  rounds: number;
  /** Time budget per task and round, in ms, and the minimum iterations per task and round. */
  timeMs: number;
  iterations: number;
}

export interface Measured {
  task: string;
  medianMs: number;
  p25Ms: number;
  p75Ms: number;
  samples: number;
}

/**
 * The process's CPU time (user + system, all its threads), in ms, as tinybench's clock. On a machine shared
 * with other work (CI runners, parallel test suites) wall-clock medians swing with the load; the CPU time
 * the process spends does not, and for these single-threaded tasks it is the cost being compared.
 */
export const processCpuTime: TimestampProvider = {
  name: 'process.cpuUsage',
  fn: () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  },
  toMs: (value) => Number(value),
  fromMs: (value) => value,
};

/**
 * Times tasks with tinybench, interleaved: the tasks take turns round after round, in rotating order, and
 * each task's median is taken over the samples of all rounds. A machine whose load changes during the run
 * (a shared CI runner) then slows every task alike, so the ratios between them hold even when the
 * absolute times do not. (No forced GC between turns: V8 flushes the bytecode of functions idle across
 * several full collections, and the tasks would then pay for compiling again.)
 */
export async function measureInterleaved(
  tasks: Record<string, Fn>,
  options: MeasureOptions,
): Promise<Measured[]> {
  const names = Object.keys(tasks);
  const samples = new Map<string, number[]>(names.map((name) => [name, []]));
  for (let round = 0; round < options.rounds; round++) {
    const bench = new Bench({
      time: options.timeMs,
      iterations: options.iterations,
      // Warm up once, in the first round; later rounds are short turns of already optimized code.
      warmup: round === 0,
      warmupIterations: 3,
      retainSamples: true,
      timestampProvider: processCpuTime,
      throws: true,
    });
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length] as string;
      bench.add(name, tasks[name] as Fn);
    }
    await bench.run();
    for (const task of bench.tasks) {
      const result = task.result;
      if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state}`);
      samples.get(task.name)?.push(...(result.latency.samples ?? []));
    }
  }
  return names.map((task) => {
    const sorted = (samples.get(task) ?? []).sort((a, b) => a - b);
    return {
      task,
      medianMs: quantile(sorted, 0.5),
      p25Ms: quantile(sorted, 0.25),
      p75Ms: quantile(sorted, 0.75),
      samples: sorted.length,
    };
  });
}

export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const below = sorted[Math.floor(position)] as number;
  const above = sorted[Math.ceil(position)] as number;
  return below + (above - below) * (position - Math.floor(position));
}
