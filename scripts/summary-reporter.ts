import type { Reporter, SerializedError, TestModule } from 'vitest/node';

/**
 * Prints one plain closing line, `tests: N passed, N failed, N skipped`, that CI and humans can
 * read without parsing vitest's decorated summary. Test files that could not run (a syntax error,
 * a failing import or hook outside any test) and errors outside every test are counted on the same
 * line: they hold no failed test, so without them a broken run would read "0 failed".
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    let brokenFiles = 0;
    for (const mod of testModules) {
      if (mod.errors().length > 0) brokenFiles++;
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
    }
    const extra = [
      skipped ? `${skipped} skipped` : '',
      brokenFiles ? `${brokenFiles} test file${brokenFiles === 1 ? '' : 's'} failed to run` : '',
      unhandledErrors.length ? `${unhandledErrors.length} error${unhandledErrors.length === 1 ? '' : 's'} outside tests` : '',
    ].filter(Boolean);
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed${extra.map((part) => `, ${part}`).join('')}\n`);
  }
}
