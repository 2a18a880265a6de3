import { execFileSync } from "node:child_process";
import { expect, test } from "./support/csp-guard";
import { createAdmin } from "./support/create-admin";
import { signIn } from "./support/sign-in";

// Listener pages are served from Next's data cache (lib/catalog/listener-cache/), and an
// admin's write expires them by tag. A write made behind the app's back (as a CLI's would be)
// shows that the page really is cached; the admin's edit that it is expired at once.
const owner = { email: "cache-owner@grace.example", password: "cache-owner-password" };

test.beforeAll(() => createAdmin({ ...owner, church: "grace-chapel", role: "owner" }));

const renameBehindTheCache = (church: string, sermon: string, title: string) =>
  execFileSync(
    process.execPath,
    ["--import", "tsx", "e2e/support/write-behind-the-cache.ts", church, sermon, title],
    { env: process.env, stdio: "pipe" },
  );

test("a sermon's page is cached until an admin edits the sermon, then shows the edit at once", async ({
  page,
  browser,
}, testInfo) => {
  const slug = `kept-for-listeners-${testInfo.project.name}`;
  const listenerPath = `/churches/grace-chapel/sermons/${slug}`;
  const listener = await (
    await browser.newContext({ baseURL: testInfo.project.use.baseURL })
  ).newPage();

  await signIn(page, owner);
  await page.getByRole("link", { name: "New sermon" }).click();
  await page.getByLabel("Title").fill(`Kept for listeners ${testInfo.project.name}`);
  await page.getByText("Published", { exact: true }).click();
  await page.getByRole("button", { name: "Create sermon" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sermon created" })).toBeVisible();

  await listener.goto(listenerPath);
  await expect(listener.getByRole("heading", { level: 1 })).toHaveText(
    `Kept for listeners ${testInfo.project.name}`,
  );

  renameBehindTheCache("grace-chapel", slug, "Renamed behind the cache");
  await listener.reload();
  await expect(listener.getByRole("heading", { level: 1 }), "served from the cache").toHaveText(
    `Kept for listeners ${testInfo.project.name}`,
  );

  await page.getByLabel("Title").fill("Edited by an admin");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await listener.reload();
  await expect(listener.getByRole("heading", { level: 1 }), "expired by the edit").toHaveText(
    "Edited by an admin",
  );
  await expect(listener).toHaveTitle("Edited by an admin · Grace Chapel · Selah");
});

test("church settings expire the church's page and the home page", async ({
  page,
  browser,
}, testInfo) => {
  const listener = await (
    await browser.newContext({ baseURL: testInfo.project.use.baseURL })
  ).newPage();
  const card = listener.getByTestId("church-card").filter({ hasText: "Grace Chapel" });
  await listener.goto("/");
  await expect(card).toBeVisible();
  await listener.goto("/churches/grace-chapel");
  await expect(listener.getByRole("heading", { name: "Grace Chapel", level: 1 })).toBeVisible();

  await signIn(page, owner);
  await expect(page).toHaveURL(/\/admin\/grace-chapel$/);
  await page.goto("/admin/grace-chapel/settings");
  const description = page.getByLabel("Description");
  const original = await description.inputValue();
  const changed = `Listeners see this at once (${testInfo.project.name}).`;
  try {
    await description.fill(changed);
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();

    await listener.reload();
    await expect(listener.getByText(changed)).toBeVisible();
    await listener.goto("/");
    await expect(card).toContainText(changed);
  } finally {
    await page.goto("/admin/grace-chapel/settings");
    await page.getByLabel("Description").fill(original);
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();
  }
  await listener.reload();
  await expect(card).not.toContainText(changed);
});
