import { expect, test, type Page } from "@playwright/test";
import { createAdmin } from "./support/create-admin";
import { generateAudio } from "./support/generate-audio";

// The listener's side of an upload: the sermon is prepared through the real admin upload and
// pipeline (once per run, shared by both projects), then played as a listener would.
const admin = { email: "listener-fixture@grace.example", password: "listener-fixture-password" };
const title = "Listening In Romans";
const sermonPath = "/churches/grace-chapel/sermons/listening-in-romans";

async function uploadSermon(page: Page) {
  createAdmin({ ...admin, church: "grace-chapel", role: "editor" });
  await page.goto("/admin/sign-in");
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("link", { name: "New sermon" }).click();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Scripture").fill("Rom 8:1-11");
  await page.getByText("Published", { exact: true }).click();
  await page.getByRole("button", { name: "Create sermon" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sermon created" })).toBeVisible();
  await page.getByLabel("Choose audio or video file").setInputFiles(generateAudio(180));
  await expect(page.getByText("The sermon is streamable")).toBeVisible({ timeout: 150_000 });
}

test.beforeAll(async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const page = await context.newPage();
  if ((await page.request.get(sermonPath)).status() === 404) await uploadSermon(page);
  await context.close();
});

const hasNoSidewaysOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test("the church page lists the published sermon, linked from the home page", async ({
  page,
}, testInfo) => {
  await page.goto("/");
  await page
    .getByTestId("church-card")
    .filter({ hasText: "Grace Chapel" })
    .getByRole("link")
    .click();
  await expect(page.getByRole("heading", { name: "Grace Chapel", level: 1 })).toBeVisible();
  const item = page.getByTestId("sermon-item").filter({ hasText: title });
  await expect(item).toContainText(/Romans 8:1.11/);
  await expect(item).toContainText("3:00");
  expect(await hasNoSidewaysOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath("church.png"), fullPage: true });
  await item.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`${sermonPath}$`));
});

test("?t=90 starts the player at 1:30 and it plays on from there", async ({ page }, testInfo) => {
  await page.goto(`${sermonPath}?t=90`);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByTestId("current-time")).toHaveText("1:30");
  await expect(page.getByTestId("waveform")).toBeVisible();
  await page.getByRole("button", { name: "Play" }).click();
  const audio = page.getByTestId("sermon-audio");
  const currentTime = () => audio.evaluate((element: HTMLAudioElement) => element.currentTime);
  await expect.poll(currentTime, { timeout: 15_000 }).toBeGreaterThan(91);
  const first = await currentTime();
  await expect.poll(currentTime, { timeout: 15_000 }).toBeGreaterThan(first + 1);
  expect(await hasNoSidewaysOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath("sermon.png"), fullPage: true });
});

test("the download is an M4A attachment and private files stay private", async ({
  page,
  request,
}) => {
  await page.goto(sermonPath);
  const href = await page.getByRole("link", { name: "Download" }).getAttribute("href");
  const download = await request.get(href!, { headers: { range: "bytes=0-15" } });
  expect(download.status()).toBe(206);
  expect(download.headers()["content-type"]).toBe("audio/mp4");
  expect(download.headers()["content-disposition"]).toContain("listening-in-romans.m4a");
  const versionBase = href!.replace(/\/download\.m4a$/, "");
  for (const path of ["silences.json", "original/sermon-180s.mp3", "aac-64k/ffmpeg-live.m3u8"]) {
    expect((await request.get(`${versionBase}/${path}`)).status(), path).toBe(404);
  }
});
