/**
 * What the child processes (emulator-, route- and bare-proxy-process.ts) share: kept apart from processes.ts,
 * which the parent uses and which loads esbuild, so that a bundled child carries none of that.
 */

/** What a child answers to `'cpu'`: the CPU time its process has used so far, user + system, in µs. */
export function answerCpu(): void {
  const { user, system } = process.cpuUsage();
  process.send?.({ cpu: user + system });
}

/**
 * Ends this child when the parent goes away without saying `'stop'` (it failed, or was killed): the IPC
 * channel closes, and a child left running would hold a core, a port and the parent's output pipe.
 */
export function exitWithParent(): void {
  process.on('disconnect', () => process.exit(0));
}
