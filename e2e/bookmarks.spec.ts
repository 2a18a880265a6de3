import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expectAccessible } from "./support/accessibility";
import { expect, test } from "./support/csp-guard";
import { listenerAuth } from "./support/listener-account";
import { audioOf, SHORT_SERMON, timeOf, usePublishedSermon } from "./support/published-sermon";

// Bookmarks and notes (issue 16, part 3): B (or the button) marks the moment playing, with an
// optional note; the sermon page lists them, each plays from its moment, and they export as
// Markdown. Kept in this browser when signed out, in the account when signed in. The sermon
// is prepared through the real admin upload and pipeline, once per run.
const { title, path: sermonPath } = usePublishedSermon(SHORT_SERMON);
const NOTE = "<b>Grace</b> & *truth*";

/** Clicks the export and returns the downloaded file's name and text. */
async function exportMarkdown(page: Page): Promise<{ name: string; text: string }> {
  const downloading = page.waitForEvent("download");
  // A link to the server's export when signed in, a button that builds it in this browser.
  await page.getByRole("region", { name: "Bookmarks" }).getByText("Export as Markdown").click();
  const download = await downloading;
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), "utf8") };
}

test("signed out: B bookmarks the moment with a note, listed as text, played from, exported", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.goto(sermonPath);
  const section = page.getByRole("region", { name: "Bookmarks" });
  await expect(section).toContainText("Kept in this browser.");
  await expect(section).toContainText("None yet.");
  await page.getByRole("button", { name: "Play" }).click();
  await expect.poll(() => timeOf(audioOf(page)), { timeout: 20_000 }).toBeGreaterThan(4);

  // B, with focus on the player's button: the note field opens at the moment playing.
  await page.keyboard.press("b");
  const form = page.getByRole("form", { name: "New bookmark" });
  await expect(form).toBeVisible();
  const label = await form.getByText(/^Note for \d+:\d\d \(optional\)$/).innerText();
  const at = /(\d+):(\d\d)/.exec(label)!;
  const seconds = Number(at[1]) * 60 + Number(at[2]);
  expect(seconds).toBeGreaterThanOrEqual(4);
  const note = form.getByRole("textbox");
  await expect(note).toBeFocused();
  await expectAccessible(page, testInfo, "bookmark-note-form");
  await note.fill(NOTE);
  await note.press("Enter");
  await expect(form).toHaveCount(0);
  const moment = `${at[1]}:${at[2]}`;
  await expect(page.getByTestId("bookmark-status")).toHaveText(
    `Bookmarked ${moment} in this browser`,
  );
  await expect(page.getByRole("button", { name: "Bookmark this moment" })).toBeFocused();

  // The note shows as the text typed: its HTML is not markup.
  const list = section.getByRole("list", { name: "Your bookmarks" });
  await expect(list.getByTestId("bookmark")).toHaveCount(1);
  await expect(list.getByTestId("bookmark")).toContainText(NOTE);
  await expect(list.locator("b")).toHaveCount(0);

  // Escape leaves the note field without a bookmark; so does the button's Cancel.
  await page.getByRole("button", { name: "Bookmark this moment" }).click();
  await expect(form).toBeVisible();
  await form.getByRole("textbox").fill("not kept");
  await form.getByRole("textbox").press("Escape");
  await expect(form).toHaveCount(0);
  await expect(list.getByTestId("bookmark")).toHaveCount(1);

  // Play from the bookmark, once playback has moved on past it.
  await expect.poll(() => timeOf(audioOf(page)), { timeout: 20_000 }).toBeGreaterThan(seconds + 4);
  await list.getByRole("button", { name: `Play from ${moment}` }).click();
  await expect.poll(() => timeOf(audioOf(page)), { timeout: 10_000 }).toBeLessThan(seconds + 3);
  expect(await timeOf(audioOf(page))).toBeGreaterThanOrEqual(seconds - 0.5);
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();

  // Kept in this browser across a reload; exported as Markdown with links to the moment.
  await page.getByRole("button", { name: "Pause" }).click();
  await page.reload();
  await expect(list.getByTestId("bookmark")).toContainText(NOTE);
  await expectAccessible(page, testInfo, "bookmarks-section");
  const origin = new URL(page.url()).origin;
  expect(await exportMarkdown(page)).toEqual({
    name: "be-still-and-know-bookmarks.md",
    text: [
      `# ${title}`,
      "",
      `Bookmarks in <${origin}${sermonPath}>`,
      "",
      `- [${moment}](${origin}${sermonPath}?t=${seconds}) \\<b\\>Grace\\</b\\> \\& \\*truth\\*`,
      "",
    ].join("\n"),
  });

  await page.screenshot({ path: testInfo.outputPath("bookmarks-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath("bookmarks-390.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  await list.getByRole("button", { name: `Delete the bookmark at ${moment}` }).click();
  await expect(section).toContainText("None yet.");
});

test("signed in: a bookmark is kept in the account, exported by the server and cleared from the account page", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await listenerAuth(page, {
    email: `bookmarks-${testInfo.project.name}-${Date.now()}@listeners.example`,
    password: "listener-password-1",
    name: "Noa Listener",
  });
  // A ?t= link cues the sermon at 0:30: B marks that moment without playing.
  await page.goto(`${sermonPath}?t=30`);
  const section = page.getByRole("region", { name: "Bookmarks" });
  await expect(section).toContainText("Kept in your account.");
  await expect(page.getByTestId("current-time")).toHaveText("0:30");
  await page.locator("body").press("b");
  const note = page.getByRole("form", { name: "New bookmark" }).getByRole("textbox");
  await note.fill("Three questions");
  await note.press("Enter");
  await expect(page.getByTestId("bookmark-status")).toHaveText("Bookmarked 0:30");

  await page.reload();
  await expect(section.getByTestId("bookmark")).toContainText("Three questions");
  const origin = new URL(page.url()).origin;
  const exported = await exportMarkdown(page);
  expect(exported.name).toBe("be-still-and-know-bookmarks.md");
  expect(exported.text).toContain(`- [0:30](${origin}${sermonPath}?t=30) Three questions\n`);

  await page.goto("/account");
  await expect(page.getByRole("list", { name: "Bookmarked sermons" })).toContainText(`${title}`);
  await expect(page.getByRole("list", { name: "Bookmarked sermons" })).toContainText("1 bookmark");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Clear bookmarks" }).click();
  await expect(page.getByRole("list", { name: "Bookmarked sermons" })).toHaveCount(0);
  await page.goto(sermonPath);
  await expect(section).toContainText("None yet.");
});
