/**
 * What the child processes (emulator-process.ts, route-process.ts) share: kept apart from processes.ts,
 * which the parent uses and which loads esbuild, so that a bundled child carries none of that.
 */

/** What a child answers to `'cpu'`: the CPU time its process has used so far, user + system, in µs. */
export function answerCpu(): void {
  const { user, system } = process.cpuUsage();
  process.send?.({ cpu: user + system });
}
