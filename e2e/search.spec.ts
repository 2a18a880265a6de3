import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./support/csp-guard";
import { createAdmin } from "./support/create-admin";
import { generateAudio } from "./support/generate-audio";
import { expectStreamable } from "./support/processing";
import { signIn } from "./support/sign-in";

const editor = { email: "search@grace.example", password: "grace-search-password" };
const QUERY = "valley of the shadow of death";

// Three 20-second cues: the first two make one moment (0:00), the third its own (0:40).
const VTT = `WEBVTT

00:00:00.000 --> 00:00:20.000
Good morning, church. Today we read the twenty-third psalm together, slowly.

00:00:20.000 --> 00:00:40.000
He makes me lie down in green pastures and leads me beside quiet waters.

00:00:40.000 --> 00:00:58.000
Even though I walk through the valley of the shadow of death, I will fear no evil.
`;

test.beforeAll(() => createAdmin({ ...editor, church: "grace-chapel", role: "editor" }));

test("a listener searches, clicks a moment and playback starts at its time", async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(360_000);

  // A streamable sermon whose transcript is known: upload audio, then captions as its transcript.
  await signIn(page, editor);
  await page.getByRole("link", { name: "New sermon" }).click();
  await page.getByLabel("Title").fill("The Valley Psalm");
  await page.getByLabel("Scripture").fill("Ps 23");
  await page.getByText("Published", { exact: true }).click();
  await page.getByRole("button", { name: "Create sermon" }).click();
  await page
    .getByLabel("Choose audio or video file")
    .setInputFiles(generateAudio(60, "search-60s.mp3"));
  await expectStreamable(page);
  // Let the machine transcript land and be indexed first, so it cannot replace the captions after.
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.locator("[data-status]").first().getAttribute("data-status");
      },
      { timeout: 150_000, intervals: [2000] },
    )
    .toBe("searchable");
  await page.getByRole("link", { name: "Transcript and captions →" }).click();
  const dir = path.resolve(".data", "e2e-media");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "valley.vtt"), VTT);
  await page.getByLabel("Upload a .vtt or .srt file").setInputFiles(path.join(dir, "valley.vtt"));
  await expect(page.getByRole("status").filter({ hasText: "Transcript replaced" })).toBeVisible();

  // Indexing runs in the pipeline (sermon/reindex.requested → index-sermon).
  await expect
    .poll(
      async () => {
        const body = await (await request.get(`/api/search?q=${encodeURIComponent(QUERY)}`)).json();
        const first = body.hits?.[0];
        return first ? `${first.sermonTitle} @ ${first.startMs}` : "no hits";
      },
      { timeout: 90_000, intervals: [1000] },
    )
    .toBe("The Valley Psalm @ 40000");

  await page.goto("/search");
  await page.getByRole("searchbox", { name: "Search every sermon" }).fill(QUERY);
  const hit = page.getByTestId("search-hit").first();
  await expect(hit).toContainText("The Valley Psalm");
  await expect(hit.locator("mark").first()).toBeVisible();
  await expect(page).toHaveURL(/\/search\?q=valley\+of\+the\+shadow\+of\+death/);
  await page.screenshot({ path: testInfo.outputPath("search-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath("search-390.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  await hit.getByRole("link", { name: /Play “The Valley Psalm” from 0:40/ }).click();
  await expect(page).toHaveURL(/\/churches\/grace-chapel\/sermons\/[^/?]+\?t=40$/);
  const audio = page.getByTestId("sermon-audio");
  await page.getByRole("button", { name: "Play" }).click();
  await expect
    .poll(() => audio.evaluate((element: HTMLAudioElement) => element.currentTime), {
      timeout: 20_000,
    })
    .toBeGreaterThan(40.2);
  expect(await audio.evaluate((element: HTMLAudioElement) => element.currentTime)).toBeLessThan(55);
});

test("search answers a bad parameter with 422 and a clear message", async ({ request }) => {
  const response = await request.get("/api/search?q=grace&from=2026-02-31&limit=500");
  expect(response.status()).toBe(422);
  const body = await response.json();
  expect(body.error.fields).toEqual({
    from: ["expected a real calendar date"],
    limit: ["expected at most 50"],
  });
  const unknownPassage = await request.get("/api/search?q=grace&passage=Hezekiah%204");
  expect(unknownPassage.status()).toBe(422);
  expect((await unknownPassage.json()).error.message).toContain("Hezekiah 4");
});
