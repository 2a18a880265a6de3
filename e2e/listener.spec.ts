import type { Page } from "@playwright/test";
import { expectAccessible } from "./support/accessibility";
import { expect, test } from "./support/csp-guard";
import { createAdmin } from "./support/create-admin";
import { generateAudio } from "./support/generate-audio";
import { expectStreamable } from "./support/processing";
import { signIn } from "./support/sign-in";

// The listener's side of an upload: the sermon is prepared through the real admin upload and
// pipeline (once per run, shared by both projects), then played as a listener would.
const admin = { email: "listener-fixture@grace.example", password: "listener-fixture-password" };
const title = "Listening In Romans";
const sermonPath = "/churches/grace-chapel/sermons/listening-in-romans";
// Seeded with the church (lib/catalog/churches/seed-demo-church.ts).
const speaker = {
  name: "Pastor Ruth Okafor",
  path: "/churches/grace-chapel/speakers/pastor-ruth-okafor",
};
const series = {
  title: "Romans: The Gospel Unfolded",
  path: "/churches/grace-chapel/series/romans",
};

async function uploadSermon(page: Page) {
  createAdmin({ ...admin, church: "grace-chapel", role: "editor" });
  await signIn(page, admin);
  await page.getByRole("link", { name: "New sermon" }).click();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Speaker").selectOption({ label: speaker.name });
  await page.getByLabel("Series").selectOption({ label: series.title });
  // The newest date of any e2e fixture, so it stays among the home page's latest six however
  // many sermons the other specs have added by the time the phone project runs.
  await page.getByLabel("Date preached").fill("2026-06-07");
  await page.getByLabel("Scripture").fill("Rom 8:1-11");
  await page.getByText("Published", { exact: true }).click();
  await page.getByRole("button", { name: "Create sermon" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sermon created" })).toBeVisible();
  await page.getByLabel("Choose audio or video file").setInputFiles(generateAudio(180));
  await expectStreamable(page, 150_000);
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

test("an ordinary connection plays the download file; a data-saving one streams the ladder through hls.js", async ({
  page,
}) => {
  const audio = page.getByTestId("sermon-audio");
  const source = () => audio.evaluate((element: HTMLAudioElement) => element.currentSrc);
  const playing = () => audio.evaluate((element: HTMLAudioElement) => element.currentTime);

  await page.goto(sermonPath);
  await page.getByRole("button", { name: "Play" }).click();
  await expect.poll(playing, { timeout: 15_000 }).toBeGreaterThan(1);
  // The fast-start .m4a: no hls.js, and one request before the first sound.
  expect(await source()).toMatch(/\/v1\/download\.m4a$/);

  await page.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, "connection", {
      get: () => ({ saveData: true, effectiveType: "4g" }),
    }),
  );
  const segment = page.waitForRequest(/\/v1\/aac-\d+k\/seg-\d+\.m4s$/);
  await page.goto(sermonPath);
  await page.getByRole("button", { name: "Play" }).click();
  await segment;
  await expect.poll(playing, { timeout: 15_000 }).toBeGreaterThan(1);
  expect(await source()).toMatch(/^blob:/);
});

test("the download is an M4A attachment and private files stay private", async ({
  page,
  request,
}) => {
  await page.goto(sermonPath);
  const href = await page.getByRole("link", { name: "M4A file" }).getAttribute("href");
  const download = await request.get(href!, { headers: { range: "bytes=0-15" } });
  expect(download.status()).toBe(206);
  expect(download.headers()["content-type"]).toBe("audio/mp4");
  expect(download.headers()["content-disposition"]).toContain("listening-in-romans.m4a");
  // Podcast apps check an enclosure's size with a HEAD; the whole file has the same length.
  const size = Number(/\/(\d+)$/.exec(download.headers()["content-range"] ?? "")?.[1]);
  const head = await request.head(href!);
  expect(head.status()).toBe(200);
  expect(Number(head.headers()["content-length"])).toBe(size);
  const whole = await request.get(href!);
  expect(whole.headers()["content-length"]).toBe(String(size));
  expect((await whole.body()).length).toBe(size);
  const versionBase = href!.replace(/\/download\.m4a$/, "");
  // The silence map is public (Skip silence reads it); the original and ffmpeg's own playlist not.
  for (const path of ["original/sermon-180s.mp3", "aac-64k/ffmpeg-live.m3u8"]) {
    expect((await request.get(`${versionBase}/${path}`)).status(), path).toBe(404);
  }
});

test("the home page lists the latest sermon with its church, speaker, date and length", async ({
  page,
}, testInfo) => {
  await page.goto("/");
  const latest = page.getByRole("region", { name: "Latest sermons" });
  const item = latest.getByTestId("sermon-item").filter({ hasText: title });
  await expect(item).toContainText("Grace Chapel");
  await expect(item).toContainText(speaker.name);
  await expect(item).toContainText("Jun 7, 2026");
  await expect(item).toContainText("3:00");
  expect(await hasNoSidewaysOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath("home.png"), fullPage: true });
  await item.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`${sermonPath}$`), { timeout: 15_000 });
});

test("the sermon links to its speaker and series pages, which list it", async ({
  page,
}, testInfo) => {
  await page.goto(sermonPath);
  await page.getByRole("link", { name: speaker.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${speaker.path}$`));
  await expect(page).toHaveTitle(`${speaker.name} · Grace Chapel · Selah`);
  await expect(page.getByRole("heading", { name: speaker.name, level: 1 })).toBeVisible();
  await expect(page.getByTestId("sermon-item").filter({ hasText: title })).toBeVisible();
  expect(await hasNoSidewaysOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath("speaker.png"), fullPage: true });

  await page.goto(sermonPath);
  await page.getByRole("link", { name: series.title, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${series.path}$`));
  await expect(page).toHaveTitle(`${series.title} · Grace Chapel · Selah`);
  await expect(page.getByRole("heading", { name: series.title, level: 1 })).toBeVisible();
  await expect(page.getByText("Sixteen chapters, one grand argument.")).toBeVisible();
  await expect(page.getByTestId("sermon-item").filter({ hasText: title })).toBeVisible();
  expect(await hasNoSidewaysOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath("series.png"), fullPage: true });

  // The church page offers both as ways in.
  await page.getByRole("link", { name: "← Grace Chapel" }).click();
  const browse = page.getByRole("complementary", { name: "Browse" });
  await expect(browse.getByRole("link", { name: series.title })).toHaveAttribute(
    "href",
    series.path,
  );
  await expect(browse.getByRole("link", { name: speaker.name })).toHaveAttribute(
    "href",
    speaker.path,
  );
});

test("unknown series and speakers are 404s", async ({ request }) => {
  for (const path of [
    "/churches/grace-chapel/series/no-such-series",
    "/churches/grace-chapel/speakers/no-such-speaker",
    "/churches/no-such-church/series/romans",
    "/churches/no-such-church/speakers/pastor-ruth-okafor",
  ]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});

test("keyboard shortcuts skip 15 s, play and change speed; the volume is remembered", async ({
  page,
}, testInfo) => {
  await page.goto(`${sermonPath}?t=30`);
  const audio = page.getByTestId("sermon-audio");
  const read = <T>(fn: (element: HTMLAudioElement) => T) => audio.evaluate(fn);
  // Keys only work once the recording is attached and its length known.
  await expect
    .poll(() => read((element) => element.seekable.length), { timeout: 15_000 })
    .toBeGreaterThan(0);
  await expect(page.getByTestId("current-time")).toHaveText("0:30");
  const currentTime = () => read((element) => Math.round(element.currentTime));

  await page.keyboard.press("ArrowRight");
  await expect.poll(currentTime).toBe(45);
  await page.keyboard.press("j");
  await expect.poll(currentTime).toBe(30);
  await page.getByRole("button", { name: "Back 15 seconds" }).click();
  await expect.poll(currentTime).toBe(15);
  await page.getByRole("button", { name: "Forward 15 seconds" }).click();
  await expect.poll(currentTime).toBe(30);

  await page.keyboard.press(">");
  await expect.poll(() => read((element) => element.playbackRate)).toBe(1.25);
  await page.keyboard.press("k");
  await expect.poll(() => read((element) => element.paused)).toBe(false);
  await page.keyboard.press("k");
  await expect.poll(() => read((element) => element.paused)).toBe(true);

  await page.getByRole("slider", { name: "Volume" }).fill("0.3");
  await expect.poll(() => read((element) => element.volume)).toBeCloseTo(0.3);
  // Keys typed into the slider are the slider's; the shortcut needs focus elsewhere.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("ArrowDown");
  await expect.poll(() => read((element) => element.volume)).toBeCloseTo(0.2);
  await page.keyboard.press("m");
  await expect.poll(() => read((element) => element.muted)).toBe(true);
  await expect(page.getByRole("button", { name: "Unmute" })).toBeVisible();

  await page.reload();
  await expect.poll(() => read((element) => element.muted)).toBe(true);
  expect(await read((element) => element.volume)).toBeCloseTo(0.2);
  await page.getByRole("button", { name: "Unmute" }).click();
  await expect.poll(() => read((element) => element.muted)).toBe(false);

  if (testInfo.project.name === "desktop") {
    await page.locator("summary", { hasText: "Keyboard shortcuts" }).click();
    await expect(page.locator("dd").filter({ hasText: "Forward 15 seconds" })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("shortcuts.png"), fullPage: true });
  }
});

test("the lock screen and media keys know the sermon", async ({ page }) => {
  await page.goto(sermonPath);
  const metadata = () =>
    page.evaluate(() => {
      const { title, artist, album } = navigator.mediaSession.metadata ?? {};
      return { title, artist, album };
    });
  await expect.poll(metadata).toEqual({
    title,
    artist: speaker.name,
    album: `${series.title} · Grace Chapel`,
  });
});

test("the passage links to its verse page, which lists the sermon with a moment to play", async ({
  page,
}, testInfo) => {
  await page.goto(sermonPath);
  await page
    .getByRole("link", { name: /Romans 8:1.11/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/bible\/romans\/8$/);
  await expect(page).toHaveTitle(/Romans 8/);
  await expect(page.getByRole("heading", { name: "Romans 8", level: 1 })).toBeVisible();
  const card = page.getByTestId("passage-sermon").filter({ hasText: title });
  await expect(card).toContainText("Grace Chapel");
  await expect(card.getByTestId("passage-moment").first()).toContainText("Main passage");
  expect(await hasNoSidewaysOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath("verse-page.png"), fullPage: true });
  await expectAccessible(page, testInfo, "verse page");

  // One church's sermons on the chapter, and a verse inside the passage, list it too.
  await page
    .getByRole("navigation", { name: "Filter by church" })
    .getByText("Grace Chapel")
    .click();
  await expect(page).toHaveURL(/\/bible\/romans\/8\?church=grace-chapel$/);
  await expect(page.getByTestId("passage-sermon").filter({ hasText: title })).toBeVisible();
  await page.goto("/bible/rom/8/3");
  await expect(page).toHaveURL(/\/bible\/romans\/8\/3$/);
  await expect(page.getByTestId("passage-sermon").filter({ hasText: title })).toBeVisible();

  await card.getByTestId("passage-moment").first().click();
  await expect(page).toHaveURL(new RegExp(`${sermonPath}`));
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
});

test("listener pages pass the accessibility checks", async ({ page }, testInfo) => {
  for (const [name, path] of [
    ["home", "/"],
    ["church", "/churches/grace-chapel"],
    ["series", series.path],
    ["speaker", speaker.path],
    ["sermon", sermonPath],
    ["search", "/search?q=gospel"],
    ["chapter with no sermons", "/bible/obadiah/1"],
  ] as const) {
    await page.goto(path);
    await expect(page.locator("h1").first()).toBeVisible();
    await expectAccessible(page, testInfo, name);
  }
});
