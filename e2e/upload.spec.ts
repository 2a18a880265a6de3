import { expect, test } from "./support/csp-guard";
import { createAdmin } from "./support/create-admin";
import { generateAudio } from "./support/generate-audio";
import { expectStreamable } from "./support/processing";
import { signIn } from "./support/sign-in";

const admin = { email: "uploader@grace.example", password: "grace-uploader-password" };

test.beforeAll(() => createAdmin({ ...admin, church: "grace-chapel", role: "editor" }));

test("an admin uploads a 3-minute file, watches progress and sees it become streamable", async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const audio = generateAudio(180);
  await signIn(page, admin);
  await page.getByRole("link", { name: "New sermon" }).click();
  await page.getByLabel("Title").fill("The Lord Is My Shepherd");
  await page.getByLabel("Scripture").fill("Ps 23");
  await page.getByText("Published", { exact: true }).click();
  await page.getByRole("button", { name: "Create sermon" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sermon created" })).toBeVisible();

  await page.getByLabel("Choose audio or video file").setInputFiles(audio);
  await expect(
    page.getByRole("status").filter({ hasText: "is uploaded. Processing has started" }),
  ).toBeVisible({ timeout: 60_000 });
  const processing = page.getByRole("region", { name: "Processing" });
  await expect(processing.locator('[data-stage="transcode"]')).toHaveAttribute(
    "data-state",
    /running|done/,
  );
  await page.screenshot({ path: testInfo.outputPath("processing.png"), fullPage: true });
  await expectStreamable(page);
  await expect(processing.locator('[data-stage="transcribe"]')).toHaveAttribute(
    "data-state",
    /running|done/,
  );
  await expect(page.locator("[data-status]").first()).not.toHaveAttribute(
    "data-status",
    "processing",
  );
  await page.screenshot({ path: testInfo.outputPath("streamable.png"), fullPage: true });
});

test("a recording that is not usable audio fails its check, and the admin is told why", async ({
  page,
}, testInfo) => {
  await signIn(page, admin);
  await page.getByRole("link", { name: "New sermon" }).click();
  await page.getByLabel("Title").fill("Broken Recording");
  await page.getByRole("button", { name: "Create sermon" }).click();
  // An ID3 tag passes the upload's signature check; what follows is no audio at all.
  const broken = Buffer.concat([
    Buffer.from("ID3\x04\x00\x00\x00\x00\x00\x00", "latin1"),
    Buffer.alloc(64 * 1024, "not audio "),
  ]);
  await page
    .getByLabel("Choose audio or video file")
    .setInputFiles({ name: "broken.mp3", mimeType: "audio/mpeg", buffer: broken });
  const processing = page.getByRole("region", { name: "Processing" });
  await expect(processing.locator('[data-stage="transcode"]')).toHaveAttribute(
    "data-state",
    "failed",
    { timeout: 60_000 },
  );
  await expect(processing.getByRole("alert")).toContainText("Audio check:");
  await expect(processing.getByText("Upload another file above to replace it.")).toBeVisible();
  await expect(processing.getByRole("button", { name: "Retry" })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("failed.png"), fullPage: true });
});

test("upload endpoints refuse anonymous callers and other churches' admins", async ({
  request,
  browser,
}) => {
  const base = "/api/admin/churches/grace-chapel/sermons/any/uploads";
  const anonymous = await request.post(base, {
    data: { fileName: "a.mp3", size: 10 },
    headers: { "x-middleware-subrequest": "middleware" },
  });
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error.code).toBe("unauthenticated");

  createAdmin({
    email: "owner@elsewhere.example",
    password: "elsewhere-password",
    church: "elsewhere",
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, { email: "owner@elsewhere.example", password: "elsewhere-password" });
  await expect(page).toHaveURL(/\/admin\/elsewhere$/);
  // The outsider's session cookie rides along with context.request.
  const foreign = await context.request.post(base, { data: { fileName: "a.mp3", size: 10 } });
  expect(foreign.status()).toBe(404);
  const status = await context.request.get("/api/admin/churches/grace-chapel/sermons/any");
  expect(status.status()).toBe(404);
  const own = await context.request.get("/api/admin/churches/elsewhere/sermons/none");
  expect(own.status()).toBe(404);
  expect((await own.json()).error.message).toBe("No such sermon in this church.");
  await context.close();
});
