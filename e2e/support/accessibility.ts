import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";

/** The WCAG 2.1 A and AA rules axe checks; best-practice rules are advice, not failures. */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * Runs axe on the page as it is now and fails on any serious or critical violation, naming
 * each rule and the elements it found. The full report is attached to the test, so a moderate
 * finding is visible without failing the run.
 */
export async function expectAccessible(page: Page, testInfo: TestInfo, name: string) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  await testInfo.attach(`axe-${name}.json`, {
    body: JSON.stringify(results.violations, null, 2),
    contentType: "application/json",
  });
  const blocking = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .slice(0, 5)
          .map(
            (node) => `${node.target.join(" ")} (${node.any[0]?.message ?? node.failureSummary})`,
          )
          .join(", ")}`,
    );
  expect(blocking, `accessibility violations on ${name}`).toEqual([]);
}
