// Prints the failed vitest tests (name and first line of the reason, so a log's tail shows
// them) and one closing line, "N passed, N failed", over the vitest and Playwright reports.
import { existsSync, readFileSync } from "node:fs";

type Counts = { passed: number; failed: number; skipped: number };
const total: Counts = { passed: 0, failed: 0, skipped: 0 };

const vitest = ".data/test-results/vitest.json";
if (existsSync(vitest)) {
  const report = JSON.parse(readFileSync(vitest, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    testResults: {
      name: string;
      assertionResults: { status: string; fullName: string; failureMessages: string[] }[];
    }[];
  };
  for (const file of report.testResults)
    for (const test of file.assertionResults.filter(({ status }) => status === "failed"))
      console.log(
        `FAILED ${file.name.replace(`${process.cwd()}/`, "")} › ${test.fullName}\n  ${
          test.failureMessages[0]?.split("\n")[0]?.slice(0, 300) ?? ""
        }`,
      );
  total.passed += report.numPassedTests;
  total.failed += report.numFailedTests;
  total.skipped += report.numPendingTests + report.numTodoTests;
}
const playwright = ".data/test-results/playwright.json";
if (existsSync(playwright)) {
  const { stats } = JSON.parse(readFileSync(playwright, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  total.passed += stats.expected + stats.flaky;
  total.failed += stats.unexpected;
  total.skipped += stats.skipped;
}
const failedStages = process.argv.slice(2);
if (failedStages.length) console.log(`Failed stages: ${failedStages.join(", ")}`);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
