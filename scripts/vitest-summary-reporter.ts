import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints one plain closing line, `Summary: N passed, N failed, N skipped`, that CI tooling reads in any
 * language, and turns the two silent ways a suite can prove nothing into failures: a run that executed
 * no test, and a skipped test (this project does not skip: a test that does not run checks nothing).
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
    }
    console.log(`\nSummary: ${passed} passed, ${failed} failed, ${skipped} skipped`);
    if (passed + failed === 0) {
      console.error('No test ran: failing the run rather than passing on nothing.');
      process.exitCode = 1;
    }
    if (skipped > 0) {
      console.error(`${skipped} test(s) were skipped or marked todo: this project runs every test.`);
      process.exitCode = 1;
    }
  }
}
