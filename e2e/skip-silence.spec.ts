import { expect, test } from "./support/csp-guard";
import { expectAccessible } from "./support/accessibility";
import { createAdmin } from "./support/create-admin";
import { generatePausedAudio } from "./support/generate-paused-audio";
import { expectStreamable } from "./support/processing";
import { signIn } from "./support/sign-in";

// Skip silence and voice boost (issue 16): a recording with ten 3 s pauses, uploaded and
// processed for real, played with "Skip silence" on. What is measured is the element's own
// record of what it played (audio.played): at least 25 s of it is never played, yet every
// burst of speech is played whole, and the sermon reaches its end.
const editor = { email: "skip-silence@grace.example", password: "grace-skip-silence-password" };
const sermonPath = "/churches/grace-chapel/sermons/pauses-for-effect";
const fixture = generatePausedAudio({ pauses: 10, pauseSec: 3, speechSec: 4 });
// At normal speed: a jump leaves a pause as late as the page's timer fires, and on a busy
// machine that delay, in recording time, grows with the speed.
const SPEED = 1;

test.beforeAll(() => createAdmin({ ...editor, church: "grace-chapel", role: "editor" }));

test("skip-silence saves time on the pause fixture", async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  await signIn(page, editor);
  await page.getByRole("link", { name: "New sermon" }).click();
  await page.getByLabel("Title").fill("Pauses For Effect");
  await page.getByText("Published", { exact: true }).click();
  await page.getByRole("button", { name: "Create sermon" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sermon created" })).toBeVisible();
  await page.getByLabel("Choose audio or video file").setInputFiles(fixture.file);
  await expectStreamable(page, 150_000);

  // Listened to as a listener, signed out.
  await page.context().clearCookies();
  await page.goto(sermonPath);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  const audio = page.getByTestId("sermon-audio");
  await expect
    .poll(() => audio.evaluate((element: HTMLAudioElement) => element.duration || 0))
    .toBeGreaterThan(fixture.durationSec - 1);

  const player = page.getByRole("region", { name: "Player: Pauses For Effect" });
  const skipSilence = player.getByRole("button", { name: "Skip silence" });
  const voiceBoost = player.getByRole("button", { name: "Voice boost" });
  await expect(skipSilence).toHaveAttribute("aria-pressed", "false");
  await skipSilence.click();
  await expect(skipSilence).toHaveAttribute("aria-pressed", "true");
  await voiceBoost.click();
  await expect(voiceBoost).toHaveAttribute("aria-pressed", "true");
  await expect(player.getByTestId("silence-saved")).toHaveText("Saved 0:00");
  await player.getByLabel("Speed").selectOption(String(SPEED));
  await expectAccessible(page, testInfo, "player-with-listening-options");

  // Wall-clock time from the first sound to the end, measured by the page itself.
  await audio.evaluate((element: HTMLAudioElement) => {
    const marks: Record<string, number> = {};
    (window as unknown as { marks: Record<string, number> }).marks = marks;
    element.addEventListener("playing", () => (marks.playing ??= performance.now()));
    element.addEventListener("ended", () => (marks.ended = performance.now()));
  });
  await player.getByRole("button", { name: "Play" }).click();
  await expect
    .poll(() => audio.evaluate((element: HTMLAudioElement) => element.ended), { timeout: 90_000 })
    .toBe(true);

  const { played, duration, wallSec } = await audio.evaluate((element: HTMLAudioElement) => {
    const ranges = Array.from({ length: element.played.length }, (_, i) => ({
      start: element.played.start(i),
      end: element.played.end(i),
    }));
    const { marks } = window as unknown as { marks: Record<string, number> };
    return {
      played: ranges,
      duration: element.duration,
      wallSec: ((marks.ended ?? 0) - (marks.playing ?? 0)) / 1000,
    };
  });
  const playedSec = played.reduce((sum, range) => sum + range.end - range.start, 0);
  testInfo.annotations.push({
    type: "measured",
    description: `played ${playedSec.toFixed(2)} s of ${duration.toFixed(2)} s in ${wallSec.toFixed(2)} s at ${SPEED}×; ranges ${JSON.stringify(played)}`,
  });

  // At least 25 s of the recording was jumped over, and the rest was played to the end.
  expect(duration - playedSec).toBeGreaterThanOrEqual(25);
  expect(Math.max(...played.map((range) => range.end))).toBeGreaterThan(duration - 0.5);
  // Never inside a word: each burst of speech lies whole within one played stretch.
  for (const { startSec, endSec } of fixture.speech) {
    expect(
      played.some((range) => range.start <= startSec + 0.05 && range.end >= endSec - 0.05),
      `speech ${startSec}–${endSec} s played whole`,
    ).toBe(true);
  }
  // And it took less time: the whole recording would have taken duration / SPEED.
  expect(wallSec).toBeGreaterThan(0);
  expect(wallSec).toBeLessThan((duration - 20) / SPEED);

  // The counter says the listening time saved at this speed.
  const saved = await player.getByTestId("silence-saved").textContent();
  const [, minutes, seconds] = /Saved (\d+):(\d\d)/.exec(saved ?? "") ?? [];
  const savedSec = Number(minutes) * 60 + Number(seconds);
  expect(savedSec).toBeGreaterThanOrEqual(Math.floor(25 / SPEED));
  expect(Math.abs(savedSec - (duration - playedSec) / SPEED)).toBeLessThan(2);

  // Both choices are kept in this browser.
  await page.reload();
  await expect(skipSilence).toHaveAttribute("aria-pressed", "true");
  await expect(voiceBoost).toHaveAttribute("aria-pressed", "true");

  // On a phone the toggles wrap under the other controls, still in reach.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(skipSilence).toBeInViewport();
  await player.screenshot({ path: testInfo.outputPath("player-390.png") });
});
