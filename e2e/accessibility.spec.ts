import { expectAccessible } from "./support/accessibility";
import { expect, test } from "./support/csp-guard";
import { listenerAuth } from "./support/listener-account";
import { audioOf, SHORT_SERMON, timeOf, usePublishedSermon } from "./support/published-sermon";

// Accessible listening (issue 16, part 8), on a desktop and a phone: the pages the other
// specs do not check pass axe (account, downloads, the embed, the opened player, a 404), the
// player works from the keyboard alone with the focus visible, and it tells a screen reader
// what it is doing through its live region. One short sermon is prepared through the real
// upload and pipeline, once per run.
const { title, path: sermonPath } = usePublishedSermon(SHORT_SERMON);

test("account pages, downloads, the embed and a missing page pass the accessibility checks", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  for (const [name, path] of [
    ["sign-in", "/account/sign-in"],
    ["sign-up", "/account/sign-up"],
    ["downloads", "/downloads"],
    ["not found", "/churches/no-such-church-here"],
  ] as const) {
    await page.goto(path);
    await expect(page.locator("h1").first()).toBeVisible();
    await expectAccessible(page, testInfo, name);
  }

  await page.goto(sermonPath);
  const href = await page.getByRole("link", { name: "M4A file" }).getAttribute("href");
  const sermonId = /^\/media\/([^/]+)\//.exec(href!)![1]!;
  await page.goto(`/embed/sermons/${sermonId}`);
  await expect(page.getByRole("button", { name: "Play" })).toBeVisible();
  await expectAccessible(page, testInfo, "embed");

  // The account page with a listening history in it.
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  await listenerAuth(page, {
    name: "Axe Listener",
    email: `a11y-${stamp}@listener.example`,
    password: "a11y-listener-password",
  });
  await page.goto(sermonPath);
  await page.getByRole("button", { name: "Play", exact: true }).click();
  await expect.poll(() => timeOf(audioOf(page)), { timeout: 20_000 }).toBeGreaterThan(2);
  await page.getByRole("button", { name: "Pause", exact: true }).click();
  await page.goto("/account");
  await expect(page.locator("h1").first()).toBeVisible();
  await expect(page.getByText(title).first()).toBeVisible({ timeout: 15_000 });
  await expectAccessible(page, testInfo, "account with history");

  // The player that follows the listener, opened on another page.
  await page.goto("/churches/grace-chapel");
  const mini = page.getByRole("region", { name: "Now playing" });
  await expect(mini).toBeVisible();
  await expectAccessible(page, testInfo, "mini player");
  await mini.getByRole("button", { name: "Up next" }).click();
  await expect(mini.getByRole("heading", { name: "Up next" })).toBeFocused();
  await expectAccessible(page, testInfo, "player opened");
});

test("the player works from the keyboard alone and tells a screen reader what it does", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto(sermonPath);
  const announcer = page.getByTestId("now-playing-announcer");
  await expect(announcer).toHaveAttribute("aria-live", "polite");

  // The first Tab reaches the skip link, shown while focused; it skips the header.
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();

  // Tab on to the play button: it is reached, and the focus on it is drawn.
  const play = page.getByRole("button", { name: "Play", exact: true });
  for (
    let presses = 0;
    presses < 30 && !(await play.evaluate((b) => b === document.activeElement));
    presses++
  )
    await page.keyboard.press("Tab");
  await expect(play).toBeFocused();
  const outline = await play.evaluate((button) => {
    const style = getComputedStyle(button);
    return {
      visible: button.matches(":focus-visible"),
      style: style.outlineStyle,
      width: style.outlineWidth,
    };
  });
  expect(outline.visible).toBe(true);
  expect(outline.style).not.toBe("none");
  expect(parseFloat(outline.width)).toBeGreaterThan(0);

  // Space plays, and the live region says so.
  await page.keyboard.press("Space");
  await expect.poll(() => timeOf(audioOf(page)), { timeout: 20_000 }).toBeGreaterThan(1);
  await expect(announcer).toContainText(`Playing: ${title}`);
  const pause = page.getByRole("button", { name: "Pause", exact: true });
  await expect(pause).toBeFocused();

  // The arrow keys skip 15 seconds; Space again pauses, and that is said too.
  const before = await timeOf(audioOf(page));
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => timeOf(audioOf(page)), { timeout: 10_000 }).toBeGreaterThan(before + 10);
  await page.keyboard.press("Space");
  await expect(announcer).toContainText("Paused");
  expect(await audioOf(page).evaluate((element: HTMLAudioElement) => element.paused)).toBe(true);
  await expect(page.getByRole("button", { name: "Play", exact: true })).toBeFocused();
});
