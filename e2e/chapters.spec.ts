import { expect, test } from "./support/csp-guard";
import { createAdmin } from "./support/create-admin";
import { generateAudio } from "./support/generate-audio";
import { expectStreamable } from "./support/processing";
import { signIn } from "./support/sign-in";

// Chapters (issue 16): an editor adds one on the admin page; a listener's click on its mark on
// the seek bar moves playback there, and the chapters file names it for podcast apps.
const editor = { email: "chapters@grace.example", password: "grace-chapters-password" };

test.beforeAll(() => createAdmin({ ...editor, church: "grace-chapel", role: "editor" }));

test("a chapter added by an editor is a mark on the seek bar that moves playback to it", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page, editor);
  await page.getByRole("link", { name: "New sermon" }).click();
  await page.getByLabel("Title").fill("Chapters of Hope");
  await page.getByText("Published", { exact: true }).click();
  await page.getByRole("button", { name: "Create sermon" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sermon created" })).toBeVisible();
  const sermonId = /\/sermons\/([^/?]+)/.exec(page.url())![1]!;
  await page
    .getByLabel("Choose audio or video file")
    .setInputFiles(generateAudio(60, "chapters-60s.mp3"));
  await expectStreamable(page, 150_000);

  await page.reload();
  const adding = page.locator("form").filter({
    has: page.getByRole("heading", { name: "Add a chapter" }),
  });
  await adding.getByLabel("Starts at").fill("0:30");
  await adding.getByLabel("Title").fill("The promise");
  await adding.getByRole("button", { name: "Add chapter" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Chapter added." })).toBeVisible();

  await page.goto("/churches/grace-chapel/sermons/chapters-of-hope");
  const audio = page.getByTestId("sermon-audio");
  await expect
    .poll(() => audio.evaluate((element: HTMLAudioElement) => element.duration || 0))
    .toBeGreaterThan(50);
  const mark = page
    .getByRole("list", { name: "Chapter marks" })
    .getByRole("button", { name: /The promise \(0:30\)$/ });
  await mark.focus();
  await page.keyboard.press("Enter");
  await expect
    .poll(() => audio.evaluate((element: HTMLAudioElement) => element.currentTime))
    .toBeCloseTo(30, 0);
  await expect(page.getByTestId("current-time")).toHaveText("0:30");
  await expect(page.getByTestId("current-chapter")).toHaveText("Chapter: The promise");
  const file = await page.request.get(`/api/sermons/${sermonId}/chapters.json`);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toBe("application/json+chapters");
  expect((await file.json()).chapters).toContainEqual({ startTime: 30, title: "The promise" });
});
