import { test as base, expect } from "@playwright/test";

/**
 * Playwright's `test` with one addition: every page a test opens is watched for Content
 * Security Policy violations (the `securitypolicyviolation` event, and Chromium's own "Refused
 * to … Content Security Policy" console errors), and a test with any fails, naming them. Specs
 * import `test` and `expect` from here, so every page they visit is checked under the CSP.
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      await context.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => {
          console.error(
            `CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || "inline"} on ${location.pathname}`,
          );
        });
      });
      context.on("console", (message) => {
        const text = message.text();
        if (/CSP violation|Content Security Policy/.test(text))
          violations.push(`${message.page()?.url() ?? "?"}: ${text}`);
      });
      await use(violations);
      expect(violations, "Content Security Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
