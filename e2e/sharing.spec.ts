import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { expect, test } from "./support/csp-guard";
import { createAdmin } from "./support/create-admin";
import { generateAudio } from "./support/generate-audio";
import { serveOtherSite } from "./support/other-site";
import { expectStreamable } from "./support/processing";
import { signIn } from "./support/sign-in";

// Embeds and sharing (README "Embeds and sharing"): the embeddable player in another site's
// iframe, ?t= links, the oEmbed endpoint and the link previews, against a sermon prepared
// through the real upload and pipeline once per run, with uploaded captions to quote.
const editor = { email: "sharing@grace.example", password: "grace-sharing-password" };
const title = "Shared From Romans";
const sermonPath = "/churches/grace-chapel/sermons/shared-from-romans";
const speaker = "Pastor Ruth Okafor";
const QUOTE = "There is therefore now no condemnation for those who are in Christ Jesus.";
const CAPTIONS = `WEBVTT

00:00:01.000 --> 00:00:05.000
Good morning, church.

00:00:30.000 --> 00:00:36.000
${QUOTE}
`;
/** The embed's budget: JavaScript transferred (compressed) for the page, playing. */
const EMBED_JS_BUDGET = 150 * 1024;

async function prepareSermon(page: Page) {
  await signIn(page, editor);
  await page.getByRole("link", { name: "New sermon" }).click();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Speaker").selectOption({ label: speaker });
  await page.getByLabel("Date preached").fill("2025-03-09");
  await page.getByText("Published", { exact: true }).click();
  await page.getByRole("button", { name: "Create sermon" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sermon created" })).toBeVisible();
  const sermonId = /\/sermons\/([^/?]+)/.exec(page.url())![1]!;
  await page
    .getByLabel("Choose audio or video file")
    .setInputFiles(generateAudio(60, "sharing-60s.mp3"));
  await expectStreamable(page, 150_000);
  const captions = await page.request.post(
    `/api/admin/churches/grace-chapel/sermons/${sermonId}/transcript`,
    { headers: { "content-type": "text/vtt" }, data: CAPTIONS },
  );
  expect(captions.status(), await captions.text()).toBe(200);
}

test.beforeAll(async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  createAdmin({ ...editor, church: "grace-chapel", role: "editor" });
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const page = await context.newPage();
  if ((await page.request.get(sermonPath)).status() === 404) await prepareSermon(page);
  await context.close();
});

/** The sermon's id, from its oEmbed answer (the embed's address holds it). */
async function sermonIdOf(request: APIRequestContext, baseURL: string) {
  const answer = await request.get(`/api/oembed?url=${encodeURIComponent(baseURL + sermonPath)}`);
  expect(answer.status()).toBe(200);
  return /\/embed\/sermons\/([^?"]+)/.exec((await answer.json()).html)![1]!;
}

/** Counts the JavaScript Selah sends `page` (compressed, as transferred), frames included. */
function measureScripts(page: Page, baseURL: string) {
  const sizes: Promise<number>[] = [];
  page.on("requestfinished", (request) => {
    if (request.resourceType() === "script" && request.url().startsWith(baseURL))
      sizes.push(request.sizes().then((size) => size.responseBodySize));
  });
  return async () => ({
    count: sizes.length,
    bytes: (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0),
  });
}

const audioTime = (audio: Locator) =>
  audio.evaluate((element: HTMLAudioElement) => element.currentTime);

test("the embed plays inside another site's iframe, from ?t=, on less than 150 KB of JavaScript", async ({
  page,
  baseURL,
}, testInfo) => {
  const sermonId = await sermonIdOf(page.request, baseURL!);
  const embedUrl = `${baseURL}/embed/sermons/${sermonId}?t=30`;
  const otherSite = await serveOtherSite(
    `<!doctype html><title>Grace Chapel</title><h1>Our sermons</h1>
     <iframe src="${embedUrl}" width="640" height="200" style="border:0"></iframe>`,
  );
  const scripts = measureScripts(page, baseURL!);
  try {
    await page.goto(otherSite.url);
    const frame = page.frameLocator("iframe");
    await expect(frame.getByRole("heading", { name: title })).toBeVisible();
    await expect(frame.getByText(`${speaker} · Grace Chapel · Mar 9, 2025`)).toBeVisible();
    // "Listen on Selah" opens the sermon where the listener is: at the shared moment, for now.
    await expect(frame.getByRole("link", { name: "Listen on Selah" })).toHaveAttribute(
      "href",
      `${sermonPath}?t=30`,
    );
    await expect(frame.getByLabel("Seek")).toBeVisible();
    await expect(frame.getByRole("combobox")).toHaveValue("1");
    await expect(frame.getByTestId("current-time")).toHaveText("0:30");

    await frame.getByRole("button", { name: "Play" }).click();
    const audio = frame.getByTestId("sermon-audio");
    const currentTime = () => audioTime(audio);
    await expect.poll(currentTime, { timeout: 15_000 }).toBeGreaterThan(30.5);
    const first = await currentTime();
    await expect.poll(currentTime, { timeout: 15_000 }).toBeGreaterThan(first + 1);
    expect(first).toBeLessThan(40);
    await expect(frame.getByRole("button", { name: "Pause" })).toBeVisible();
    // Where the listener is now travels with "Listen on Selah".
    await expect(frame.getByRole("link", { name: "Listen on Selah" })).toHaveAttribute(
      "href",
      new RegExp(`^${sermonPath}\\?t=3[1-9]$`),
    );
    await frame.getByRole("combobox").selectOption("1.5");
    expect(await audio.evaluate((element: HTMLAudioElement) => element.playbackRate)).toBe(1.5);

    // Played by the browser itself (its HLS, or the download), not hls.js through a blob: URL.
    const source = await audio.evaluate((element: HTMLAudioElement) => element.currentSrc);
    expect(source).toMatch(
      new RegExp(`^${baseURL}/media/${sermonId}/v1/(master\\.m3u8|download\\.m4a)$`),
    );

    const { bytes, count } = await scripts();
    const measured = `${(bytes / 1024).toFixed(1)} KB in ${count} scripts, playing ${source.slice(source.lastIndexOf("/") + 1)}`;
    testInfo.annotations.push({ type: "embed JavaScript transferred", description: measured });
    console.log(`Embed JavaScript transferred: ${measured}`);
    expect(count).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(EMBED_JS_BUDGET);
    await page.screenshot({ path: testInfo.outputPath("embed-in-other-site.png") });
  } finally {
    await otherSite.close();
  }
});

test("where the browser has no HLS of its own (as Firefox), the embed plays the download, still without hls.js", async ({
  page,
  baseURL,
}) => {
  // The browser as Firefox is: Media Source Extensions, but no HLS in the media element.
  await page.addInitScript(() => {
    const canPlayType = HTMLMediaElement.prototype.canPlayType;
    HTMLMediaElement.prototype.canPlayType = function (type: string) {
      return /mpegurl/i.test(type) ? "" : canPlayType.call(this, type);
    };
  });
  const scripts = measureScripts(page, baseURL!);
  const sermonId = await sermonIdOf(page.request, baseURL!);
  await page.goto(`/embed/sermons/${sermonId}?t=20`);
  await expect(page.getByTestId("current-time")).toHaveText("0:20");
  await page.getByRole("button", { name: "Play" }).click();
  const audio = page.getByTestId("sermon-audio");
  await expect.poll(() => audioTime(audio), { timeout: 15_000 }).toBeGreaterThan(20.5);
  expect(await audioTime(audio)).toBeLessThan(30);
  expect(await audio.evaluate((element: HTMLAudioElement) => element.currentSrc)).toBe(
    `${baseURL}/media/${sermonId}/v1/download.m4a`,
  );
  const { bytes } = await scripts();
  console.log(`Embed JavaScript transferred without native HLS: ${(bytes / 1024).toFixed(1)} KB`);
  expect(bytes).toBeLessThanOrEqual(EMBED_JS_BUDGET);
});

test("a ?t= link starts the sermon page there, and Share copies the link to where it is", async ({
  page,
  context,
  baseURL,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await page.goto(`${sermonPath}?t=30`);
  await expect(page.getByTestId("current-time")).toHaveText("0:30");
  await page.getByRole("button", { name: "Play" }).click();
  const audio = page.getByTestId("sermon-audio");
  await expect.poll(() => audioTime(audio), { timeout: 15_000 }).toBeGreaterThan(31);
  await page.getByRole("button", { name: "Pause" }).click();
  const at = Math.floor(await audioTime(audio));

  await page.getByRole("button", { name: "Share" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Link copied" })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(`${baseURL}${sermonPath}?t=${at}`);

  // A sentence of the transcript shares its own moment.
  await page.getByRole("button", { name: "Copy link to 0:30" }).click();
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toBe(`${baseURL}${sermonPath}?t=30`);

  await page.goto(copied);
  await expect(page.getByTestId("current-time")).toHaveText(`0:${String(at).padStart(2, "0")}`);
});

test("only the embed may be framed by other sites; every other page still refuses", async ({
  page,
  request,
  baseURL,
  cspViolations,
}) => {
  const sermonId = await sermonIdOf(request, baseURL!);
  const embed = await request.get(`/embed/sermons/${sermonId}`);
  expect(embed.status()).toBe(200);
  expect(embed.headers()["content-security-policy"]).toContain("frame-ancestors *");
  expect(embed.headers()["x-frame-options"]).toBeUndefined();
  expect(embed.headers()["content-security-policy"]).toContain("script-src 'self' 'nonce-");

  for (const path of [
    "/",
    "/churches/grace-chapel",
    sermonPath,
    `${sermonPath}?t=30`,
    "/search",
    "/admin/sign-in",
  ]) {
    const response = await request.get(path);
    expect(response.headers()["x-frame-options"], path).toBe("DENY");
    expect(response.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
  }

  // In a browser: the sermon page in another site's iframe stays empty.
  const otherSite = await serveOtherSite(
    `<!doctype html><iframe src="${baseURL}${sermonPath}" width="640" height="400"></iframe>`,
  );
  try {
    await page.goto(otherSite.url);
    await expect.poll(() => cspViolations.join("\n")).toContain("frame-ancestors");
    await expect(page.frameLocator("iframe").getByRole("heading", { name: title })).toHaveCount(0);
    // Seen, so the refusal happened; cleared, since this one was made on purpose.
    cspViolations.length = 0;
  } finally {
    await otherSite.close();
  }
});

/** A page's meta and link tags, as a crawler reads its HTML (parsed by the browser's parser). */
async function previewTagsOf(page: Page, html: string) {
  await page.goto("about:blank");
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, "text/html");
    const tags: Record<string, string> = {};
    for (const meta of doc.querySelectorAll("meta[property], meta[name]")) {
      const key = meta.getAttribute("property") ?? meta.getAttribute("name")!;
      tags[key] ??= meta.getAttribute("content") ?? "";
    }
    return {
      tags,
      ogTagsInHead: doc.head.querySelectorAll('meta[property^="og:"]').length,
      oembed:
        doc
          .querySelector('link[rel="alternate"][type="application/json+oembed"]')
          ?.getAttribute("href") ?? null,
    };
  }, html);
}

const CRAWLER = {
  "user-agent": "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
};

test("sermon and moment pages carry Open Graph and Twitter tags and oEmbed discovery", async ({
  page,
  request,
  baseURL,
}) => {
  const sermonId = await sermonIdOf(request, baseURL!);
  const sermon = await previewTagsOf(
    page,
    await (await request.get(sermonPath, { headers: CRAWLER })).text(),
  );
  expect(sermon.ogTagsInHead).toBeGreaterThan(0);
  expect(sermon.tags).toMatchObject({
    "og:title": title,
    "og:description": `A sermon by ${speaker} at Grace Chapel, Mar 9, 2025.`,
    "og:url": `${baseURL}${sermonPath}`,
    "og:type": "article",
    "og:site_name": "Selah",
    "og:image": `${baseURL}/preview/sermons/${sermonId}`,
    "og:image:width": "1200",
    "og:image:height": "630",
    "og:audio": expect.stringMatching(
      new RegExp(`^${baseURL}/media/${sermonId}/v1/download\\.m4a$`),
    ),
    "og:audio:type": "audio/mp4",
    "twitter:card": "summary_large_image",
    "twitter:title": title,
    "twitter:image": `${baseURL}/preview/sermons/${sermonId}`,
  });
  expect(sermon.oembed).toBe(
    `${baseURL}/api/oembed?url=${encodeURIComponent(`${baseURL}${sermonPath}`)}&format=json`,
  );
  const oembed = await request.get(sermon.oembed!);
  expect(oembed.status()).toBe(200);
  expect(await oembed.json()).toMatchObject({
    type: "rich",
    title,
    author_name: speaker,
    provider_name: "Selah",
    thumbnail_url: `${baseURL}/preview/sermons/${sermonId}`,
  });

  const moment = await previewTagsOf(
    page,
    await (await request.get(`${sermonPath}?t=31`, { headers: CRAWLER })).text(),
  );
  expect(moment.tags).toMatchObject({
    "og:title": `${title} at 0:31`,
    "og:description": `“${QUOTE}” — ${speaker}, at 0:31 in “${title}”.`,
    "og:url": `${baseURL}${sermonPath}?t=31`,
    "og:image": `${baseURL}/preview/sermons/${sermonId}?t=31`,
    "twitter:card": "summary_large_image",
    "twitter:description": `“${QUOTE}” — ${speaker}, at 0:31 in “${title}”.`,
  });
});

const pngSize = (png: Buffer) => ({
  signature: png.subarray(1, 4).toString("latin1"),
  width: png.readUInt32BE(16),
  height: png.readUInt32BE(20),
});

test("the preview images are 1200×630 PNGs, cached and answered 304 while unchanged", async ({
  request,
  baseURL,
}, testInfo) => {
  const sermonId = await sermonIdOf(request, baseURL!);
  for (const [name, path] of [
    ["sermon", `/preview/sermons/${sermonId}`],
    ["moment", `/preview/sermons/${sermonId}?t=31`],
  ] as const) {
    const image = await request.get(path);
    expect(image.status(), path).toBe(200);
    expect(image.headers()["content-type"]).toBe("image/png");
    expect(image.headers()["cache-control"]).toBe(
      "public, max-age=3600, stale-while-revalidate=86400",
    );
    const png = await image.body();
    expect(pngSize(png)).toEqual({ signature: "PNG", width: 1200, height: 630 });
    await testInfo.attach(`${name}-preview.png`, { body: png, contentType: "image/png" });
    const again = await request.get(path, { headers: { "if-none-match": image.headers().etag! } });
    expect(again.status()).toBe(304);
  }
  const sermonTag = (await request.get(`/preview/sermons/${sermonId}`)).headers().etag;
  const momentTag = (await request.get(`/preview/sermons/${sermonId}?t=31`)).headers().etag;
  expect(sermonTag).not.toBe(momentTag);
});

test("an unpublished sermon has no embed, preview or oEmbed (404)", async ({
  page,
  baseURL,
}, testInfo) => {
  await signIn(page, editor);
  await expect(page).toHaveURL(/\/admin\/grace-chapel$/);
  const created = await page.request.post("/api/admin/churches/grace-chapel/sermons", {
    data: { title: `Not yet shared ${testInfo.project.name}` },
  });
  expect(created.status()).toBe(201);
  const { id, slug } = await created.json();
  const anonymous = await page.context().browser()!.newContext({ baseURL });
  try {
    const request = anonymous.request;
    expect((await request.get(`/embed/sermons/${id}`)).status()).toBe(404);
    expect((await request.get(`/embed/sermons/no-such-sermon`)).status()).toBe(404);
    expect((await request.get(`/preview/sermons/${id}`)).status()).toBe(404);
    const oembed = await request.get(
      `/api/oembed?url=${encodeURIComponent(`${baseURL}/churches/grace-chapel/sermons/${slug}`)}`,
    );
    expect(oembed.status()).toBe(404);
    expect((await oembed.json()).error.code).toBe("not_found");
    const malformed = await request.get("/api/oembed?url=not%20a%20link");
    expect(malformed.status()).toBe(400);
    expect((await malformed.json()).error.code).toBe("invalid_request");
    expect(
      (
        await request.get(`/api/oembed?url=${encodeURIComponent(baseURL + sermonPath)}&format=xml`)
      ).status(),
    ).toBe(501);
  } finally {
    await anonymous.close();
  }
});
