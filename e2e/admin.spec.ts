import { expect, test } from "./support/csp-guard";
import { createAdmin } from "./support/create-admin";
import { signIn } from "./support/sign-in";

const owner = { email: "owner@grace.example", password: "grace-owner-password" };
const outsider = { email: "owner@other.example", password: "other-owner-password" };

test.beforeAll(() => {
  createAdmin({ ...owner, church: "grace-chapel" });
  createAdmin({ ...outsider, church: "other-fellowship", churchName: "Other Fellowship" });
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await signIn(page, { email: owner.email, password: "not-the-password" });
  await expect(
    page
      .getByRole("alert")
      .filter({ hasText: "That email and password do not match an admin account." }),
  ).toBeVisible();
});

test("an admin creates a sermon; scripture comes back normalised and bad references are flagged", async ({
  page,
}, testInfo) => {
  await signIn(page, owner);
  await expect(page).toHaveURL(/\/admin\/grace-chapel$/);
  await page.getByRole("link", { name: "New sermon" }).click();
  const title = `Living Hope ${testInfo.project.name}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Speaker").selectOption({ label: "Pastor Ruth Okafor" });
  await page.getByLabel("Scripture").fill("1 Pet 1:3-9; Hezekiah 4");
  await page.getByRole("button", { name: "Create sermon" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Hezekiah 4" })).toBeVisible();

  await page.getByLabel("Scripture").fill("1 Pet 1:3-9; Rom 8");
  await page.getByRole("button", { name: "Create sermon" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sermon created" })).toBeVisible();
  // Shown back normalised, in biblical order.
  await expect(page.getByText("Read as: Romans 8; 1 Peter 1:3–9")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("sermon-edit.png"), fullPage: true });

  await page.getByRole("link", { name: "All sermons" }).click();
  await expect(page.getByRole("link", { name: new RegExp(title) })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("sermon-list.png"), fullPage: true });
});

test("an admin sees nothing of another church", async ({ page }) => {
  await signIn(page, outsider);
  await expect(page).toHaveURL(/\/admin\/other-fellowship$/);
  for (const path of [
    "/admin/grace-chapel",
    "/admin/grace-chapel/speakers",
    "/admin/grace-chapel/settings",
    "/admin/grace-chapel/sermons/new",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByText("Pastor Ruth Okafor")).toHaveCount(0);
  }
});

test("admin pages and the session API refuse anonymous requests, whatever the headers say", async ({
  page,
  request,
}) => {
  await page.goto("/admin/grace-chapel/speakers");
  await expect(page).toHaveURL(/\/admin\/sign-in/);
  const spoofed = await request.get("/admin/grace-chapel/speakers", {
    headers: {
      "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware",
    },
    maxRedirects: 0,
  });
  expect(spoofed.status()).toBe(307);
  expect(spoofed.headers().location).toContain("/admin/sign-in");
  const session = await request.get("/api/auth/get-session", {
    headers: { "x-middleware-subrequest": "middleware" },
  });
  expect(await session.json()).toBeNull();
});
