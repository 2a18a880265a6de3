import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { expectAccessible } from "./support/accessibility";
import { expect, test } from "./support/csp-guard";
import { createAdmin } from "./support/create-admin";
import { generateAudio } from "./support/generate-audio";
import { expectStreamable } from "./support/processing";
import { signIn } from "./support/sign-in";

// The player that follows the listener (issue 16, parts 1 and 7): playback goes on across
// listener pages, survives a reload, and "Play the answer" plays the cited moments back to
// back. One sermon with known captions is prepared through the real upload and pipeline.
const editor = { email: "player-fixture@grace.example", password: "player-fixture-password" };
const title = "The Shepherd Who Follows";
const sermonPath = "/churches/grace-chapel/sermons/the-shepherd-who-follows";
const QUESTION = "goodness and mercy follow me";

// Three cues, far apart in meaning, so search finds separate moments.
const VTT = `WEBVTT

00:00:00.000 --> 00:00:25.000
Goodness and mercy shall follow me all the days of my life, says the shepherd psalm.

00:00:25.000 --> 00:00:50.000
The harvest was late that year and the barns stood empty until the rain came.

00:00:50.000 --> 00:01:15.000
Mercy follows the wanderer home; goodness waits for him at the door of the house.
`;

async function searchableWithCaptions(page: Page, request: APIRequestContext) {
  createAdmin({ ...editor, church: "grace-chapel", role: "editor" });
  await signIn(page, editor);
  await page.getByRole("link", { name: "New sermon" }).click();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Date preached").fill("2025-04-06");
  await page.getByText("Published", { exact: true }).click();
  await page.getByRole("button", { name: "Create sermon" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sermon created" })).toBeVisible();
  await page
    .getByLabel("Choose audio or video file")
    .setInputFiles(generateAudio(90, "player-90s.mp3"));
  await expectStreamable(page, 150_000);
  // The machine transcript first, so it cannot replace the captions afterwards.
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.locator("[data-status]").first().getAttribute("data-status");
      },
      // The machine transcript of 90 s takes a while on a busy machine.
      { timeout: 300_000, intervals: [2000] },
    )
    .toBe("searchable");
  await page.getByRole("link", { name: "Transcript and captions →" }).click();
  const dir = path.resolve(".data", "e2e-media");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "shepherd.vtt"), VTT);
  await page.getByLabel("Upload a .vtt or .srt file").setInputFiles(path.join(dir, "shepherd.vtt"));
  await expect(page.getByRole("status").filter({ hasText: "Transcript replaced" })).toBeVisible();
  await expect
    .poll(
      async () => {
        const body = await (
          await request.get(`/api/search?q=${encodeURIComponent("barns stood empty")}`)
        ).json();
        return body.hits?.some((hit: { sermonTitle: string }) => hit.sermonTitle === title);
      },
      { timeout: 90_000, intervals: [1000] },
    )
    .toBe(true);
}

test.beforeAll(async ({ browser }, testInfo) => {
  test.setTimeout(600_000);
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const page = await context.newPage();
  if ((await page.request.get(sermonPath)).status() === 404)
    await searchableWithCaptions(page, page.request);
  await context.close();
});

const audioOf = (page: Page) => page.getByTestId("sermon-audio");
const timeOf = (audio: Locator) =>
  audio.evaluate((element: HTMLAudioElement) => element.currentTime);

/** The audio moves on by more than a second from where it is now. */
async function expectAdvancing(page: Page) {
  const from = await timeOf(audioOf(page));
  await expect.poll(() => timeOf(audioOf(page)), { timeout: 15_000 }).toBeGreaterThan(from + 1);
}

test("playback follows the listener across pages and survives a reload", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.goto(sermonPath);
  // On its own page the big player is the view; no second one at the bottom.
  await expect(page.getByTestId("mini-player")).toHaveCount(0);
  await page.getByRole("button", { name: "Play", exact: true }).click();
  await expect.poll(() => timeOf(audioOf(page)), { timeout: 20_000 }).toBeGreaterThan(1);
  // Marks this document: a full page load would lose it.
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

  // Two other pages, by their links (client navigation).
  await page.getByRole("link", { name: "← Grace Chapel" }).click();
  await expect(page.getByRole("heading", { name: "Grace Chapel", level: 1 })).toBeVisible();
  const mini = page.getByRole("region", { name: "Now playing" });
  await expect(mini.getByTestId("now-playing-title")).toHaveText(title);
  await expect(mini.getByRole("button", { name: "Pause" })).toBeVisible();
  await expectAdvancing(page);

  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Search" })
    .click();
  await expect(page).toHaveURL(/\/search$/);
  await expectAdvancing(page);
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  // Nothing of the page is hidden behind the bar: the page ends above it.
  const spacer = await page.evaluate(
    () => document.documentElement.scrollHeight - window.innerHeight,
  );
  expect(spacer).toBeGreaterThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath("mini-player-1280.png") });

  // Opened: up next (nothing queued, no series), the position, keyboard reachable.
  await mini.getByRole("button", { name: "Up next" }).click();
  await expect(mini.getByRole("heading", { name: "Up next" })).toBeFocused();
  await expect(mini.getByRole("slider", { name: `Position in ${title}` })).toBeVisible();
  await expectAccessible(page, testInfo, "mini-player-open");
  await page.screenshot({ path: testInfo.outputPath("mini-player-open-1280.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath("mini-player-open-390.png") });
  await page.keyboard.press("Escape");
  await expect(mini.getByRole("heading", { name: "Up next" })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("mini-player-390.png") });
  await page.setViewportSize({ width: 1280, height: 900 });

  // Paused, then reloaded: the same sermon, at the same place, waiting to be resumed.
  await mini.getByRole("button", { name: "Pause" }).click();
  await expect(mini.getByRole("button", { name: "Play" })).toBeVisible();
  const pausedAt = await timeOf(audioOf(page));
  await page.reload();
  await expect(mini.getByTestId("now-playing-title")).toHaveText(title);
  await expect.poll(() => timeOf(audioOf(page)), { timeout: 15_000 }).toBeGreaterThan(pausedAt - 1);
  expect(Math.abs((await timeOf(audioOf(page))) - pausedAt)).toBeLessThan(2);
  expect(await audioOf(page).evaluate((element: HTMLAudioElement) => element.paused)).toBe(true);
  await mini.getByRole("button", { name: pausedAt >= 5 ? "Resume" : "Play" }).click();
  await expectAdvancing(page);
  // Back on the sermon's page, its player shows the same playback (not a second audio).
  await mini.getByTestId("now-playing-title").click();
  await expect(page).toHaveURL(new RegExp(`${sermonPath}$`));
  await expect(page.getByRole("button", { name: "Pause", exact: true })).toBeVisible();
  await expect(page.getByTestId("sermon-audio")).toHaveCount(1);
  await expectAdvancing(page);
});

/** "0:25–0:50" in the mini player's detail line, as seconds. */
function clipRange(detail: string): [number, number] {
  const match = /(\d+):(\d\d)–(\d+):(\d\d)/.exec(detail);
  expect(match, detail).not.toBeNull();
  const [, m1, s1, m2, s2] = match!.map(Number);
  return [m1! * 60 + s1!, m2! * 60 + s2!];
}

test("Play the answer plays each cited moment from its start to its end, in order", async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await page.goto(`/search?q=${encodeURIComponent(QUESTION)}`);
  await page.getByRole("button", { name: "Ask", exact: true }).click();
  const answer = page.getByTestId("ask-answer");
  const play = answer.getByRole("button", { name: /^Play the answer/ });
  await expect(play).toBeVisible({ timeout: 30_000 });
  const cited = await answer.locator("ol li").evaluateAll((items) =>
    items.map((item) => {
      const text = item.querySelector("a")?.textContent ?? "";
      const [sermon = "", at = ""] = text.split(" · ");
      return { sermon, at };
    }),
  );
  expect(cited.length).toBeGreaterThanOrEqual(2);
  expect(cited.some((c) => c.sermon === title)).toBe(true);

  // Records each item as the mini player shows it, with the audio's times while it is shown:
  // a moment may be a second long, too short to catch by polling.
  await page.evaluate(() => {
    type Entry = { title: string; detail: string; times: number[] };
    const played: Entry[] = [];
    (window as unknown as { played: Entry[] }).played = played;
    const text = (id: string) =>
      document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? "";
    new MutationObserver(() => {
      const title = text("now-playing-title");
      const detail = text("now-playing-detail");
      const last = played.at(-1);
      if (title && (last?.title !== title || last.detail !== detail))
        played.push({ title, detail, times: [] });
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
    document.querySelector("audio")?.addEventListener("timeupdate", (event) => {
      played.at(-1)?.times.push((event.target as HTMLAudioElement).currentTime);
    });
  });
  const playedSoFar = () =>
    page.evaluate(
      () =>
        (window as unknown as { played: { title: string; detail: string; times: number[] }[] })
          .played,
    );

  await play.click();
  const mini = page.getByRole("region", { name: "Now playing" });
  const announcer = page.getByTestId("now-playing-announcer");
  await expect(announcer).toContainText(`Now playing: ${cited[0]!.sermon}`);
  for (let index = 0; index < cited.length; index++) {
    await expect
      .poll(async () => (await playedSoFar()).length, { timeout: 20_000 })
      .toBeGreaterThan(index);
    const [start, end] = clipRange((await playedSoFar())[index]!.detail);
    if (index === 0) await page.screenshot({ path: testInfo.outputPath("play-the-answer.png") });
    // A long moment is hurried on: near its end, it stops there by itself and the next begins.
    if (end - start > 4 && (await playedSoFar()).length === index + 1) {
      await expect
        .poll(() => timeOf(audioOf(page)), { timeout: 20_000 })
        .toBeGreaterThan(start + 0.5);
      await audioOf(page).evaluate(
        (element: HTMLAudioElement, seconds) => (element.currentTime = seconds),
        end - 1.5,
      );
    }
  }
  await expect(announcer).toContainText("The queue has finished.", { timeout: 20_000 });
  expect(await audioOf(page).evaluate((element: HTMLAudioElement) => element.paused)).toBe(true);
  const played = await playedSoFar();
  // Each cited moment, in the answer's order, each heard within its own start and end.
  expect(played.map((entry) => entry.title)).toEqual(cited.map((c) => c.sermon));
  for (const [index, entry] of played.entries()) {
    expect(entry.detail).toContain(`${cited[index]!.at}–`);
    const [start, end] = clipRange(entry.detail);
    // The clock is read every 250 ms (timeupdate), and later on a busy machine: a clip may
    // run on a little past its end before it is stopped.
    const slack = 1.5;
    const arrived = entry.times.findIndex((t) => t >= start - 0.5 && t <= end + slack);
    expect(arrived, `${entry.detail}: ${entry.times.join(", ")}`).toBeGreaterThanOrEqual(0);
    // Once there, it stayed within the moment and stopped at its end.
    const heard = entry.times.slice(arrived);
    expect(Math.max(...heard), `${entry.detail}: ${heard.join(", ")}`).toBeLessThanOrEqual(
      end + slack,
    );
    expect(Math.min(...heard), `${entry.detail}: ${heard.join(", ")}`).toBeGreaterThanOrEqual(
      start - 0.5,
    );
  }

  // The results' own button: the moments found, in their order.
  const results = page.getByRole("region", { name: "Results" });
  const firstHit = results.getByTestId("search-hit").first();
  const firstTitle = await firstHit.locator("h3").textContent();
  await results.getByRole("button", { name: /^Play these moments/ }).click();
  await expect(mini.getByTestId("now-playing-title")).toHaveText(firstTitle!);
  await expectAdvancing(page);
  await mini.getByRole("button", { name: "Up next" }).click();
  await expect(mini.getByTestId("queue-item").first()).toBeVisible();
  await expectAccessible(page, testInfo, "search-with-queue");
  await page.screenshot({ path: testInfo.outputPath("queue-1280.png") });
});
