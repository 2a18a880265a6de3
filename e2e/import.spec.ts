import { expectAccessible } from "./support/accessibility";
import { expect, test } from "./support/csp-guard";
import { createAdmin } from "./support/create-admin";
import { feedSitePort, fileRoute, serveFeedSite } from "./support/feed-site";
import { generateAudio } from "./support/generate-audio";
import { signIn } from "./support/sign-in";

// A back catalogue comes along (README "Import a podcast feed"): an editor pastes a feed's
// address on the Import page, watches each episode's progress, and the good episodes become
// playable sermons with the feed's own captions; the bad ones say why. The feed is served by a
// podcast host on loopback, which the app lists in IMPORT_ALLOWED_HOSTS for this run.
const editor = { email: "import@grace.example", password: "grace-import-password" };
const TITLE = "Grace & Truth <b>Unveiled</b>";
const CAPTION = "The Word became flesh and dwelt among us, full of grace and truth.";

function feedXml(origin: string) {
  const item = (guid: string, title: string, enclosure: string, extra = "") => `
    <item>
      <guid isPermaLink="false">${guid}</guid>
      <title>${title}</title>
      <pubDate>Sun, 05 Jan 2025 10:00:00 GMT</pubDate>
      <itunes:author>Pastor Ruth Okafor</itunes:author>
      <description>&lt;p&gt;John 1:14 — the glory of the only Son.&lt;/p&gt;</description>
      <enclosure url="${origin}${enclosure}" length="1000" type="audio/mpeg"/>${extra}
    </item>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
     xmlns:podcast="https://podcastindex.org/namespace/1.0">
  <channel>
    <title>Grace Chapel Sermons (old host)</title>
    <link>${origin}/</link>
    <description>Sunday sermons</description>
    ${item(
      "old-host-episode-1",
      "Grace &amp; Truth &lt;b&gt;Unveiled&lt;/b&gt;",
      "/audio/episode-1.mp3",
      `\n      <podcast:transcript url="${origin}/audio/episode-1.vtt" type="text/vtt"/>`,
    )}
    ${item("old-host-episode-2", "The Missing Recording", "/audio/missing.mp3")}
    ${item("old-host-episode-3", "Behind The Firewall", "/audio/moved.mp3")}
  </channel>
</rss>`;
}

test("an editor imports a podcast feed: good episodes play with the feed's captions, bad ones say why", async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  createAdmin({ ...editor, church: "grace-chapel", role: "editor" });
  const port = feedSitePort(Number(new URL(testInfo.project.use.baseURL!).port));
  const site = await serveFeedSite(port, {
    "/feed.xml": { body: feedXml(`http://127.0.0.1:${port}`), type: "application/rss+xml" },
    "/audio/episode-1.mp3": fileRoute(generateAudio(20, "import-20s.mp3"), "audio/mpeg"),
    "/audio/episode-1.vtt": {
      body: `WEBVTT\n\n00:00:01.000 --> 00:00:06.000\n${CAPTION}\n`,
      type: "text/vtt",
    },
    // A redirect to a private address is refused however the feed's host is trusted.
    "/audio/moved.mp3": { redirect: "http://10.11.12.13/episode-3.mp3" },
  });
  try {
    await signIn(page, editor);
    await page.getByRole("link", { name: "Import" }).click();
    await expect(page.getByRole("heading", { name: "Import a back catalogue" })).toBeVisible();
    await expectAccessible(page, testInfo, "import page");

    // A private address is refused at once, with the reason, and the form keeps what was typed.
    await page.getByLabel("Podcast feed address").fill("http://192.168.1.20/feed.xml");
    await page.getByRole("button", { name: "Import" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /private|not allowed/i })).toBeVisible();
    await expect(page.getByLabel("Podcast feed address")).toHaveValue(
      "http://192.168.1.20/feed.xml",
    );

    await page.getByLabel("Podcast feed address").fill(`${site.origin}/feed.xml`);
    await page.getByRole("button", { name: "Import" }).click();
    const progress = page.getByRole("region", { name: /Finished|Importing|Reading|Waiting/ });
    await expect(page.locator("[data-import-status=finished]")).toBeVisible({ timeout: 60_000 });
    const row = (title: string) => progress.getByRole("listitem").filter({ hasText: title });
    await expect(row(TITLE)).toHaveAttribute("data-state", "done", { timeout: 150_000 });
    await expect(row("The Missing Recording")).toHaveAttribute("data-state", "failed");
    await expect(row("The Missing Recording")).toContainText("404");
    await expect(row("Behind The Firewall")).toHaveAttribute("data-state", "failed");
    await expect(row("Behind The Firewall")).toContainText(/private|not allowed/i);
    await page.screenshot({ path: testInfo.outputPath("import-desktop.png"), fullPage: true });
    await expectAccessible(page, testInfo, "import progress");
    await page.setViewportSize({ width: 390, height: 844 });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await page.screenshot({ path: testInfo.outputPath("import-phone.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    // Importing again adds nothing new: the imported episode is skipped.
    await page.goto(page.url().replace(/\?.*$/, ""));
    await page.getByLabel("Podcast feed address").fill(`${site.origin}/feed.xml`);
    await page.getByRole("button", { name: "Import" }).click();
    await expect(page.locator("[data-import-status=finished]")).toBeVisible({ timeout: 60_000 });
    await expect(
      page.locator("dl > div").filter({ hasText: "Already imported" }).locator("dd"),
    ).toHaveText("1");

    // The listener sees the title as written (escaped, not markup) and the feed's captions.
    await page.goto("/churches/grace-chapel");
    await page.getByRole("link", { name: TITLE }).first().click();
    await expect(page.getByRole("heading", { name: TITLE, level: 1 })).toBeVisible();
    await expect(page.getByText(CAPTION).first()).toBeVisible();
    expect(await page.locator("h1 b").count()).toBe(0);
  } finally {
    await site.close();
  }
});
