import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/csp-guard";
import { createAdmin } from "./support/create-admin";
import { generateAudio } from "./support/generate-audio";
import { expectStreamable } from "./support/processing";
import { signIn } from "./support/sign-in";

const editor = { email: "captions@grace.example", password: "grace-captions-password" };

test.beforeAll(() => createAdmin({ ...editor, church: "grace-chapel", role: "editor" }));

function captionFile(name: string, text: string): string {
  const dir = path.resolve(".data", "e2e-media");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const VTT = `WEBVTT

00:00:00.500 --> 00:00:04.000
<v Pastor Ruth>Good morning, church.

00:00:04.000 --> 00:00:09.000
Please turn with me to Romans 8:1.

00:00:09.000 --> 00:00:16.000
There is therefore now no condemnation.
`;

async function signInAsEditor(page: Page) {
  await signIn(page, editor);
  await expect(page).toHaveURL(/\/admin\/grace-chapel$/);
}

test("an admin replaces the transcript with captions, sees problems by line, and corrects a sentence", async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await signInAsEditor(page);
  await page.getByRole("link", { name: "New sermon" }).click();
  await page.getByLabel("Title").fill("No Condemnation");
  await page.getByText("Published", { exact: true }).click();
  await page.getByRole("button", { name: "Create sermon" }).click();
  await page
    .getByLabel("Choose audio or video file")
    .setInputFiles(generateAudio(20, "captions-20s.mp3"));
  await expectStreamable(page);

  await page.getByRole("link", { name: "Transcript and captions →" }).click();
  await expect(page.getByRole("heading", { name: "Transcript" })).toBeVisible();
  const upload = page.getByLabel("Upload a .vtt or .srt file");

  await upload.setInputFiles(
    captionFile(
      "overlap.srt",
      "1\n00:00:01,000 --> 00:00:05,000\nOne\n\n2\n00:00:04,000 --> 00:00:06,000\nTwo\n",
    ),
  );
  await expect(page.getByRole("alert").filter({ hasText: "Line 6" })).toContainText(
    "Line 6: this cue starts at 00:00:04.000, before the cue on line 2 ends",
  );

  await upload.setInputFiles(captionFile("sermon.vtt", VTT));
  await expect(
    page.getByRole("status").filter({ hasText: "Transcript replaced: 3 captions" }),
  ).toBeVisible();
  await expect(page.getByTestId("transcript-provider")).toContainText(
    "an uploaded caption file · VTT",
  );
  await expect(page.getByText("Please turn with me to Romans 8:1.")).toBeVisible();

  const row = page.locator("li").filter({ hasText: "There is therefore now no condemnation." });
  await row.getByRole("button", { name: "Edit" }).click();
  await row
    .getByRole("textbox")
    .fill("There is therefore now no condemnation for those who are in Christ Jesus.");
  await row.getByRole("button", { name: "Save correction" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(page.getByText("Corrected once")).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath("transcript-editor-1280.png"),
    fullPage: true,
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath("transcript-editor-390.png"), fullPage: true });
});

test.describe("the listener's transcript", () => {
  const audioTime = (page: Page) =>
    page.getByTestId("sermon-audio").evaluate((audio: HTMLAudioElement) => audio.currentTime);

  test("a tap on a sentence plays from its start; playing lights the current sentence", async ({
    page,
  }, testInfo) => {
    await page.goto("/churches/grace-chapel/sermons/no-condemnation");
    const panel = page.getByRole("region", { name: "Transcript" });
    const sentence = panel.getByRole("button", { name: /Please turn with me to Romans 8:1\./ });
    await expect(sentence).toBeVisible();
    await expect(panel.getByRole("button", { name: "Pastor Ruth" })).toHaveCount(0);
    await expect(panel.getByText("Pastor Ruth")).toBeVisible();

    await sentence.click();
    await expect.poll(() => audioTime(page)).toBeGreaterThanOrEqual(4);
    expect(await audioTime(page)).toBeLessThan(6);
    await expect(sentence).toHaveAttribute("aria-current", "true");
    // Playing on into the next sentence moves the highlight with it.
    const next = panel.getByRole("button", {
      name: /There is therefore now no condemnation for those/,
    });
    await expect(next).toHaveAttribute("aria-current", "true", { timeout: 15_000 });
    await expect(sentence).not.toHaveAttribute("aria-current", "true");

    await panel.getByRole("button", { name: /Romans 8:1 · 0:04/ }).click();
    await expect.poll(() => audioTime(page)).toBeLessThan(6);

    await panel.getByPlaceholder("Find in transcript").fill("CONDEMNATION");
    await panel.getByPlaceholder("Find in transcript").press("Enter");
    await expect(panel.getByTestId("find-count")).toHaveText("1 of 1");
    await expect(panel.locator("mark")).toHaveText("condemnation");

    await panel.getByRole("button", { name: "Captions off" }).click();
    await expect(panel.getByTestId("caption-line")).not.toHaveText(/^\s*$/, { timeout: 15_000 });
    await page.screenshot({
      path: testInfo.outputPath("listener-transcript-1280.png"),
      fullPage: true,
    });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({
      path: testInfo.outputPath("listener-transcript-390.png"),
      fullPage: true,
    });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
  });

  test("captions are served as WebVTT for published sermons only", async ({ request }) => {
    const page = await request.get("/churches/grace-chapel/sermons/no-condemnation");
    const sermonId = /\/captions\/([a-z0-9]+)/.exec(await page.text())?.[1];
    expect(sermonId).toBeTruthy();
    const captions = await request.get(`/captions/${sermonId}`);
    expect(captions.headers()["content-type"]).toBe("text/vtt; charset=utf-8");
    const vtt = await captions.text();
    expect(vtt).toMatch(/^WEBVTT\n/);
    expect(vtt.replace(/\s+/g, " ")).toContain("for those who are in Christ Jesus.");
    for (const line of vtt.split("\n")) expect(line.length).toBeLessThanOrEqual(65);
    expect((await request.get("/captions/not-a-sermon")).status()).toBe(404);
  });
});
