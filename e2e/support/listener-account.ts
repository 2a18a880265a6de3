import { expect, type Page } from "@playwright/test";

const RATE_LIMITED =
  /Too many (?:sign-in attempts|new accounts) from your network\. Wait (\d+) seconds?/;

/**
 * Signs a listener up (`name` given) or in through the real /account forms. Every spec signs
 * in from 127.0.0.1, so a fast run can meet the per-address limit (3 attempts per 10 s); like
 * a person, this waits the time the refusal names and tries again. Ends on the account page.
 */
export async function listenerAuth(
  page: Page,
  who: { email: string; password: string; name?: string },
) {
  const mode = who.name ? "sign-up" : "sign-in";
  for (let attempt = 1; ; attempt++) {
    await page.goto(`/account/${mode}`);
    if (who.name) await page.getByLabel("Your name").fill(who.name);
    await page.getByLabel("Email").fill(who.email);
    await page.getByLabel("Password").fill(who.password);
    await page.getByRole("button", { name: who.name ? "Create account" : "Sign in" }).click();
    const alert = page.getByRole("alert").filter({ hasText: /\S/ });
    const ignore = () => undefined;
    await Promise.race([
      page.waitForURL((url) => url.pathname === "/account").catch(ignore),
      alert.waitFor().catch(ignore),
    ]);
    const refusal = (await alert.isVisible()) ? await alert.innerText() : "";
    const wait = RATE_LIMITED.exec(refusal);
    if (!wait || attempt === 3) break;
    await page.waitForTimeout(Number(wait[1]) * 1000 + 250);
  }
  await expect(page).toHaveURL(/\/account$/);
}
