import { execFileSync } from "node:child_process";
import type { Page } from "@playwright/test";
import { expectAccessible } from "./support/accessibility";
import { createAdmin } from "./support/create-admin";
import { expect, test } from "./support/csp-guard";
import { generateAudio } from "./support/generate-audio";
import { signIn } from "./support/sign-in";

const editor = { email: "confidence@grace.example", password: "grace-confidence-password" };
const HEARD = "Heard, Not Read";
const ALIGNED = "Read From the Manuscript";

test.beforeAll(() => createAdmin({ ...editor, church: "grace-chapel", role: "editor" }));

/** A published sermon whose audio went through the whole pipeline (transcribed and indexed). */
async function processedSermon(page: Page, title: string) {
  await page.goto("/admin/grace-chapel");
  await page.getByRole("link", { name: "New sermon" }).click();
  await page.getByLabel("Title").fill(title);
  await page.getByText("Published", { exact: true }).click();
  await page.getByRole("button", { name: "Create sermon" }).click();
  await page
    .getByLabel("Choose audio or video file")
    .setInputFiles(generateAudio(12, `confidence-${title.length}.mp3`));
  // Indexed: the pipeline's own transcript is stored, so the one stored next stays current.
  await expect(
    page.getByRole("region", { name: "Processing" }).locator('[data-stage="index"]'),
  ).toHaveAttribute("data-state", "done", { timeout: 180_000 });
}

/** The known transcript, stored as the transcription stage stores one; returns the listener path. */
const storeHeardTranscript = (title: string, kind: "heard" | "aligned") =>
  execFileSync(
    process.execPath,
    ["--import", "tsx", "e2e/support/store-heard-transcript.ts", "grace-chapel", title, kind],
    { env: process.env, stdio: ["ignore", "pipe", "pipe"] },
  )
    .toString()
    .trim()
    .split("\n")
    .at(-1)!;

test("a listener sees where an automatic transcript is unsure, and a manuscript's words unmarked; the admin is told to review it", async ({
  page,
}, testInfo) => {
  test.setTimeout(480_000);
  await signIn(page, editor);
  await processedSermon(page, HEARD);
  await processedSermon(page, ALIGNED);
  const heardPath = storeHeardTranscript(HEARD, "heard");
  const alignedPath = storeHeardTranscript(ALIGNED, "aligned");

  await page.goto(heardPath);
  const transcript = page.getByRole("region", { name: "Transcript", exact: true });
  await expect(transcript.getByTestId("automatic-transcript")).toContainText(
    "Automatic transcript — may contain errors",
  );
  // Four guessed words in a row: one [unclear], the guesses kept for screen readers and hover.
  const unclear = transcript.locator('[data-confidence="unclear"]');
  await expect(unclear).toHaveCount(1);
  await expect(unclear).toHaveAttribute("title", "Heard as: the parking lot closed");
  await expect(unclear.locator("[aria-hidden]")).toHaveText("[unclear]");
  await expect(unclear.locator(".sr-only")).toHaveText("unclear, heard as: the parking lot closed");
  await expect(transcript.locator('[data-confidence="doubtful"]')).toHaveText(["early"]);
  await expect(transcript.getByRole("button", { name: /good morning church\./i })).toBeVisible();
  await expectAccessible(page, testInfo, "automatic-transcript");
  await page.setViewportSize({ width: 390, height: 844 });
  await transcript.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("automatic-transcript-390.png") });
  await page.setViewportSize({ width: 1280, height: 900 });

  // The same doubtful hearing, aligned with the manuscript: its words, certain and unmarked.
  await page.goto(alignedPath);
  const aligned = page.getByRole("region", { name: "Transcript", exact: true });
  await expect(
    aligned.getByRole("button", { name: /Today the parking lot closed early for repairs\./ }),
  ).toBeVisible();
  await expect(aligned.getByTestId("automatic-transcript")).toHaveCount(0);
  await expect(aligned.locator("[data-confidence]")).toHaveCount(0);

  await page.goto("/admin/grace-chapel");
  const review = page.getByRole("region", { name: "Needs review" });
  // Other specs' sermons (tone bursts the recogniser guessed at) may be listed too.
  await expect(review.getByRole("link", { name: ALIGNED })).toHaveCount(0);
  await expect(review.getByRole("listitem").filter({ hasText: HEARD })).toContainText(
    "1 unsure sentence",
  );
  await expect(
    page.getByRole("link", { name: new RegExp(ALIGNED) }).getByTestId("transcript-quality"),
  ).toHaveText("Transcript quality 100%");
  await expectAccessible(page, testInfo, "needs-review");
  await review.getByRole("link", { name: HEARD }).click();
  await expect(page).toHaveURL(/\/transcript$/);
  await expect(page.getByTestId("unsure-segment")).toHaveCount(1);
  await expect(
    page.locator("li").filter({ has: page.getByTestId("unsure-segment") }),
  ).toContainText("today the parking lot closed early for repairs.");
});
