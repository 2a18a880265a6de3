import type { Page } from "@playwright/test";

const RATE_LIMITED = /Too many sign-in attempts from your network\. Wait (\d+) seconds?/;

/**
 * Signs in through the real form, as an admin would. Every spec signs in from 127.0.0.1, so
 * a fast run can meet the per-address limit (3 attempts per 10 s); like a person, the helper
 * then waits the time the refusal names and tries again. Any other outcome (signed in, or a
 * refusal the spec expects) is left for the spec to check.
 */
export async function signIn(page: Page, who: { email: string; password: string }) {
  for (let attempt = 1; ; attempt++) {
    await page.goto("/admin/sign-in");
    await page.getByLabel("Email").fill(who.email);
    await page.getByLabel("Password").fill(who.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    // The form's own alert; Next.js keeps an empty route announcer with the same role.
    const alert = page.getByRole("alert").filter({ hasText: /\S/ });
    // Whichever comes first; the other wait is dropped (its later failure is of no interest).
    const ignore = () => undefined;
    await Promise.race([
      page.waitForURL((url) => !url.pathname.startsWith("/admin/sign-in")).catch(ignore),
      alert.waitFor().catch(ignore),
    ]);
    const refusal = (await alert.isVisible()) ? await alert.innerText() : "";
    const wait = RATE_LIMITED.exec(refusal);
    if (!wait || attempt === 3) return;
    await page.waitForTimeout(Number(wait[1]) * 1000 + 250);
  }
}
