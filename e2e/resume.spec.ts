import type { Page } from "@playwright/test";
import { expect, test } from "./support/csp-guard";
import { listenerAuth } from "./support/listener-account";
import { audioOf, timeOf, usePublishedSermon } from "./support/published-sermon";

// Listener accounts and resume (issue 16): the place in a sermon survives a reload, in this
// browser when signed out and in the account (on another device too) when signed in; follows
// fill the home page; the account page shows and clears the history and deletes the account.
// The sermon is prepared through the real admin upload and pipeline, once per run.
const { title, path: sermonPath } = usePublishedSermon({
  title: "Resuming In Romans",
  slug: "resuming-in-romans",
  preachedOn: "2025-03-16",
  seconds: 120,
});

/** Plays the sermon from its page until past `seconds`; returns where it is then. */
async function playPast(page: Page, seconds: number): Promise<number> {
  await page.goto(sermonPath);
  await page.getByRole("button", { name: "Play" }).click();
  await expect.poll(() => timeOf(audioOf(page)), { timeout: 20_000 }).toBeGreaterThan(seconds);
  return timeOf(audioOf(page));
}

/** After a load of the sermon page: it says it resumed, and the audio is there. */
async function expectResumedNear(page: Page, seconds: number) {
  await expect(page.getByTestId("resumed-at")).toContainText(/Resumed at 0:\d\d/);
  await expect(page.getByRole("button", { name: "Start over" })).toBeVisible();
  await expect.poll(() => timeOf(audioOf(page)), { timeout: 10_000 }).toBeGreaterThan(seconds - 2);
  expect(Math.abs((await timeOf(audioOf(page))) - seconds)).toBeLessThan(5);
}

test("signed out: a reload resumes where the listener was, from this browser", async ({ page }) => {
  // Well past the 5 s under which the player starts from the top again.
  const at = await playPast(page, 8);
  // No pause: leaving the page (pagehide) is what saves the place.
  await page.reload();
  await expectResumedNear(page, at);
  await page.getByRole("button", { name: "Start over" }).click();
  await expect(page.getByTestId("resumed-at")).toHaveCount(0);
  expect(await timeOf(audioOf(page))).toBeLessThan(1);

  // A ?t= link wins over the saved place.
  await page.goto(`${sermonPath}?t=30`);
  await expect(page.getByTestId("current-time")).toHaveText("0:30");
  await expect(page.getByTestId("resumed-at")).toHaveCount(0);

  await page.goto("/");
  const shelf = page.getByRole("region", { name: "Continue listening" });
  await expect(shelf.getByTestId("continue-item").filter({ hasText: title })).toBeVisible();
});

test("signed in: the place is kept in the account, resumed after a reload and on another device", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const listener = {
    email: `resume-${testInfo.project.name}@listeners.example`,
    password: "listener-password-1",
    name: "Mara Listener",
  };
  await listenerAuth(page, listener);
  await expect(page.getByRole("link", { name: "Mara Listener: your account" })).toBeVisible();

  const at = await playPast(page, 8);
  await page.getByRole("button", { name: "Pause" }).click();
  await page.reload();
  await expectResumedNear(page, at);

  // Another device: a new browser context, signed in to the same account.
  const other = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const otherPage = await other.newPage();
  await listenerAuth(otherPage, { email: listener.email, password: listener.password });
  await otherPage.goto(sermonPath);
  await expectResumedNear(otherPage, at);
  await other.close();

  // Follow the church; the home page shows what is new from it and what to continue.
  await page.goto("/churches/grace-chapel");
  await page.getByRole("button", { name: "Follow Grace Chapel" }).click();
  await expect(page.getByRole("button", { name: /^Following Grace Chapel/ })).toBeVisible();
  await page.goto("/");
  await expect(
    page.getByRole("region", { name: "Continue listening" }).getByText(title),
  ).toBeVisible();
  await expect(
    page.getByRole("region", { name: "New from what you follow" }).getByText(title),
  ).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("home-1280.png"), fullPage: true });

  // The account page: history and follows, at desktop and phone widths.
  await page.goto("/account");
  await expect(page.getByRole("list", { name: "History" })).toContainText(title);
  await expect(page.getByRole("list", { name: "Following" })).toContainText("Grace Chapel");
  await page.screenshot({ path: testInfo.outputPath("account-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath("account-390.png"), fullPage: true });
  await page.goto("/");
  await page.screenshot({ path: testInfo.outputPath("home-390.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // A listener has no admin rights anywhere.
  await page.goto("/admin");
  await expect(page.getByText("You are not an admin of any church yet.")).toBeVisible();
  const adminPage = await page.goto("/admin/grace-chapel");
  expect(adminPage?.status()).toBe(404);

  // Clear the history, then delete the account and all its data.
  await page.goto("/account");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Clear history" }).click();
  await expect(page.getByText("Nothing yet.")).toBeVisible();
  await page.getByLabel("Your password, to confirm").fill(listener.password);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Delete my account and all its data" }).click();
  await expect(page).toHaveURL(/\/\?account=deleted$/);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  const gone = await page.request.post("/api/auth/sign-in/email", {
    data: { email: listener.email, password: listener.password },
    headers: { origin: new URL(page.url()).origin },
  });
  expect([401, 429]).toContain(gone.status());
});
