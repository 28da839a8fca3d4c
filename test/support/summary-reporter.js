// Prints one plain closing line ("jest: 12 passed, 0 failed, 1 skipped") that CI can read,
// and fails the run when no test executed at all.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests: passed, numFailedTests: failed, numPendingTests: skipped, numTodoTests: todo } = results;
    if (passed + failed === 0) {
      console.log('jest: no test executed');
      results.success = false;
      process.exitCode = 1;
    }
    console.log(`jest: ${passed} passed, ${failed} failed, ${skipped + todo} skipped`);
  }
}
module.exports = SummaryReporter;
