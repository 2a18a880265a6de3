import type { Page } from "@playwright/test";
import { expectAccessible } from "./support/accessibility";
import { expect, test } from "./support/csp-guard";
import { audioOf, SHORT_SERMON, timeOf, usePublishedSermon } from "./support/published-sermon";

// Offline listening (issue 16, part 6): Selah is installable, "Download" keeps a sermon's audio
// and transcript on the device, and with the browser offline the downloads page (the app's
// shell) still loads and the sermon plays from the service worker's cache. The sermon is
// prepared through the real admin upload and pipeline, once per run.
const { title, path: sermonPath } = usePublishedSermon(SHORT_SERMON);

/** The service worker is installed and answers this page's requests. */
async function expectControlled(page: Page) {
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
      timeout: 30_000,
    })
    .toBe(true);
}

test("the app is installable: a manifest with icons, and a service worker for the whole site", async ({
  page,
  request,
}) => {
  await page.goto("/");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  const manifest = await (await request.get(href!)).json();
  expect(manifest).toMatchObject({ short_name: "Selah", display: "standalone", start_url: "/" });
  for (const icon of manifest.icons as { src: string; type: string }[]) {
    const response = await request.get(icon.src);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()["content-type"], icon.src).toContain(icon.type);
  }
  expect(manifest.icons.map((icon: { sizes: string }) => icon.sizes)).toEqual(
    expect.arrayContaining(["192x192", "512x512"]),
  );
  await expectControlled(page);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(new URL(scope).pathname).toBe("/");
  const worker = await request.get("/serwist/sw.js");
  expect(worker.status()).toBe(200);
  expect(worker.headers()["content-type"]).toContain("javascript");
});

test("a downloaded sermon plays with the network off, and can be removed", async ({
  page,
  context,
  request,
}, testInfo) => {
  test.setTimeout(240_000);
  await page.goto(sermonPath);
  await expectControlled(page);
  const href = await page.getByRole("link", { name: "M4A file" }).getAttribute("href");
  const sermonId = /^\/media\/([^/]+)\//.exec(href!)![1]!;
  // The machine transcript comes after the audio: wait for it, so the download keeps it.
  await expect
    .poll(async () => (await request.get(`/captions/${sermonId}/transcript.json`)).status(), {
      timeout: 180_000,
      intervals: [2000],
    })
    .toBe(200);
  // What the download must keep: the transcript as served (the recogniser's words for a tone).
  const served = (await (await request.get(`/captions/${sermonId}/transcript.json`)).json()) as {
    segments: { body: string }[];
  };
  const transcriptText = served.segments
    .map((segment) => segment.body)
    .join(" ")
    .trim();
  expect(transcriptText).not.toBe("");
  await page.reload();
  await expectControlled(page);

  await page.getByRole("button", { name: "Download", exact: true }).click();
  await expect(page.getByTestId("download-state")).toHaveText("Downloaded", { timeout: 30_000 });
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Downloads" })
    .click();
  const item = page.getByTestId("download-item").filter({ hasText: title });
  await expect(item).toBeVisible();
  await expect(item.getByTestId("download-size")).toContainText(/\d+(\.\d+)? (kB|KB|MB)/);
  await expectAccessible(page, testInfo, "downloads");

  await context.setOffline(true);
  // Offline, a full load of the downloads page: the service worker answers it.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Downloads", level: 1 })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "You are offline" })).toBeVisible();
  expect(
    await page.evaluate(() =>
      fetch("/api/health").then(
        () => "reached",
        () => "offline",
      ),
    ),
  ).toBe("offline");
  await item.getByRole("button", { name: `Play ${title}` }).click();
  await expect.poll(() => timeOf(audioOf(page)), { timeout: 20_000 }).toBeGreaterThan(2);
  const from = await timeOf(audioOf(page));
  await expect.poll(() => timeOf(audioOf(page)), { timeout: 15_000 }).toBeGreaterThan(from + 1);
  await expect(page.getByTestId("now-playing-announcer")).toContainText(`Playing: ${title}`);
  // A seek is a Range request, answered from the cache too.
  await audioOf(page).evaluate((element: HTMLAudioElement) => (element.currentTime = 45));
  await expect.poll(() => timeOf(audioOf(page)), { timeout: 15_000 }).toBeGreaterThan(46);
  await item.getByRole("button", { name: `Pause ${title}` }).click();

  // The transcript was kept with it.
  await item.getByText("Transcript").click();
  await expect(item.locator("details p")).toHaveText(transcriptText, { timeout: 10_000 });
  await page.screenshot({ path: testInfo.outputPath("downloads-offline-1280.png") });

  // The sermon's page, visited online, opens offline, and plays the download there too.
  await page.goto(sermonPath);
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  // A page never visited is the app's shell: the downloads page.
  await page.goto("/churches/grace-chapel/series/never-visited-offline");
  await expect(page.getByRole("heading", { name: "Downloads", level: 1 })).toBeVisible();

  await item.getByRole("button", { name: `Remove ${title} from downloads` }).click();
  await expect(page.getByText("No downloads yet")).toBeVisible();
  const stillCached = await page.evaluate(
    async (url) => (await caches.match(url)) !== undefined,
    href!,
  );
  expect(stillCached).toBe(false);

  // Removed, it cannot play offline, and the player says why.
  await page.goto(sermonPath);
  await page.getByRole("button", { name: "Play", exact: true }).click();
  await expect(page.getByTestId("now-playing-announcer")).toContainText(
    "You are offline, and this sermon is not downloaded",
    { timeout: 45_000 },
  );
  await context.setOffline(false);
});
