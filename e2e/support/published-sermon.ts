import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./csp-guard";
import { createAdmin } from "./create-admin";
import { generateAudio } from "./generate-audio";
import { expectStreamable } from "./processing";
import { signIn } from "./sign-in";

export type PublishedSermon = { title: string; path: string };
type SermonFixture = { title: string; slug: string; preachedOn: string; seconds: number };

/**
 * A Grace Chapel sermon, published and streamable, prepared through the real admin upload and
 * pipeline once per run: the spec that needs it first uploads it, and every later spec (and the
 * phone project) finds its page answering and plays the same one.
 */
export function usePublishedSermon(fixture: SermonFixture): PublishedSermon {
  const sermon = { title: fixture.title, path: `/churches/grace-chapel/sermons/${fixture.slug}` };
  test.beforeAll(async ({ browser }, testInfo) => {
    // A busy machine (the pipeline still working on an earlier spec's sermon) transcodes slowly.
    test.setTimeout(480_000);
    const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
    const page = await context.newPage();
    if ((await page.request.get(sermon.path)).status() === 404) await upload(page, fixture);
    await context.close();
  });
  return sermon;
}

const editor = { email: "fixture-editor@grace.example", password: "fixture-editor-password" };

async function upload(page: Page, fixture: SermonFixture) {
  createAdmin({ ...editor, church: "grace-chapel", role: "editor" });
  await signIn(page, editor);
  await page.getByRole("link", { name: "New sermon" }).click();
  await page.getByLabel("Title").fill(fixture.title);
  await page.getByLabel("Date preached").fill(fixture.preachedOn);
  await page.getByText("Published", { exact: true }).click();
  await page.getByRole("button", { name: "Create sermon" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sermon created" })).toBeVisible();
  await page
    .getByLabel("Choose audio or video file")
    .setInputFiles(generateAudio(fixture.seconds, `${fixture.slug}-${fixture.seconds}s.mp3`));
  await expectStreamable(page, 360_000);
}

/** The player's audio element, wherever the page shows it. */
export const audioOf = (page: Page) => page.getByTestId("sermon-audio");

/** Where the audio element is, in seconds. */
export const timeOf = (audio: Locator) =>
  audio.evaluate((element: HTMLAudioElement) => element.currentTime);

/** The short sermon the listening specs (bookmarks, offline, accessibility) share. */
export const SHORT_SERMON: SermonFixture = {
  title: "Be Still And Know",
  slug: "be-still-and-know",
  preachedOn: "2025-05-11",
  seconds: 60,
};
