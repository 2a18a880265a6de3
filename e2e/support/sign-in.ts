import type { Page } from "@playwright/test";

/** Signs in through the real form, as an admin would. */
export async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto("/admin/sign-in");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
