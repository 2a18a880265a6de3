import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startSearchDatabase, type SearchDatabase } from "@/test/support/search-database";
import { GET } from "./route";

// Next's data cache exists only inside a Next.js server: here every listener query runs
// (against the real embedded database below), as if each read missed the cache.
vi.mock("next/cache", () => ({
  unstable_cache: (run: () => Promise<unknown>) => run,
  revalidateTag: () => undefined,
}));

const SITE = "http://selah.test";
let database: SearchDatabase;
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await startSearchDatabase();
  // The route reads through this process's client (getDb), made from DATABASE_URL.
  process.env.DATABASE_URL = database.url;
  delete process.env.BETTER_AUTH_URL;
  const { db } = database;
  const church = await db.church.create({ data: { slug: "grace", name: "Grace Chapel" } });
  const speaker = await db.speaker.create({
    data: { churchId: church.id, slug: "ruth-okafor", name: "Ruth Okafor" },
  });
  const sermon = (slug: string, data: Record<string, unknown>) =>
    db.sermon.create({
      data: {
        churchId: church.id,
        speakerId: speaker.id,
        slug,
        title: `The sermon ${slug}`,
        preachedOn: new Date("2025-03-02T00:00:00Z"),
        durationMs: 600_000,
        status: "searchable",
        mediaVersion: 1,
        ...data,
      },
    });
  const published = await sermon("no-condemnation", { publishState: "published" });
  const prefix = `churches/${church.id}/sermons/${published.id}/v1`;
  await db.mediaAsset.createMany({
    data: [
      {
        sermonId: published.id,
        kind: "master_playlist",
        key: `${prefix}/master.m3u8`,
        contentType: "application/vnd.apple.mpegurl",
      },
      {
        sermonId: published.id,
        kind: "download",
        key: `${prefix}/download.m4a`,
        contentType: "audio/mp4",
      },
    ],
  });
  await db.transcript.create({
    data: {
      sermonId: published.id,
      provider: "provided",
      segments: {
        create: [
          { position: 0, startMs: 0, endMs: 4_000, text: "Good morning, church." },
          {
            position: 1,
            startMs: 90_000,
            endMs: 96_000,
            text: "There is therefore now no condemnation.",
          },
        ],
      },
    },
  });
  ids.published = published.id;
  ids.draft = (await sermon("still-a-draft", { publishState: "draft" })).id;
  ids.scheduled = (
    await sermon("next-sunday", {
      publishState: "scheduled",
      publishAt: new Date(Date.now() + 7 * 86_400_000),
    })
  ).id;
});
afterAll(() => database?.stop());

const oembed = async (query: Record<string, string>) => {
  const response = await GET(new Request(`${SITE}/api/oembed?${new URLSearchParams(query)}`));
  return { status: response.status, headers: response.headers, body: await response.json() };
};
const pageUrl = (slug: string, search = "") => `${SITE}/churches/grace/sermons/${slug}${search}`;

describe("GET /api/oembed", () => {
  it("answers a published sermon's page with a rich iframe of its embed", async () => {
    const { status, headers, body } = await oembed({ url: pageUrl("no-condemnation") });
    expect(status).toBe(200);
    expect(headers.get("content-type")).toContain("application/json");
    expect(headers.get("access-control-allow-origin")).toBe("*");
    expect(body).toEqual({
      version: "1.0",
      type: "rich",
      title: "The sermon no-condemnation",
      author_name: "Ruth Okafor",
      author_url: `${SITE}/churches/grace/speakers/ruth-okafor`,
      provider_name: "Selah",
      provider_url: `${SITE}/`,
      cache_age: 3600,
      width: 640,
      height: 200,
      html: `<iframe src="${SITE}/embed/sermons/${ids.published}" width="640" height="200" title="The sermon no-condemnation — Selah" style="border:0;border-radius:12px;max-width:100%" loading="lazy"></iframe>`,
      thumbnail_url: `${SITE}/preview/sermons/${ids.published}`,
      thumbnail_width: 1200,
      thumbnail_height: 630,
    });
  });

  it("keeps a moment's ?t= in the embed and thumbnail, and honours maxwidth and maxheight", async () => {
    const { status, body } = await oembed({
      url: pageUrl("no-condemnation", "?t=1:30"),
      maxwidth: "400",
      maxheight: "150",
      format: "json",
    });
    expect(status).toBe(200);
    expect(body.width).toBe(400);
    expect(body.height).toBe(150);
    expect(body.html).toContain(`src="${SITE}/embed/sermons/${ids.published}?t=90"`);
    expect(body.html).toContain('width="400" height="150"');
    expect(body.thumbnail_url).toBe(`${SITE}/preview/sermons/${ids.published}?t=90`);
    // Larger limits than the player needs leave its size alone.
    const roomy = await oembed({
      url: pageUrl("no-condemnation"),
      maxwidth: "2000",
      maxheight: "900",
    });
    expect([roomy.body.width, roomy.body.height]).toEqual([640, 200]);
  });

  it("answers the embed's own link too, and either scheme of this host", async () => {
    const embed = await oembed({ url: `${SITE}/embed/sermons/${ids.published}?t=30` });
    expect(embed.status).toBe(200);
    expect(embed.body.html).toContain(`/embed/sermons/${ids.published}?t=30"`);
    const https = await oembed({ url: pageUrl("no-condemnation").replace("http:", "https:") });
    expect(https.status).toBe(200);
  });

  it("is 404 for a sermon listeners cannot see: a draft, one scheduled later, none at all", async () => {
    for (const url of [
      pageUrl("still-a-draft"),
      pageUrl("next-sunday"),
      `${SITE}/embed/sermons/${ids.draft}`,
      `${SITE}/embed/sermons/${ids.scheduled}`,
      pageUrl("no-such-sermon"),
      `${SITE}/churches/no-such-church/sermons/no-condemnation`,
    ]) {
      const { status, body } = await oembed({ url });
      expect(status, url).toBe(404);
      expect(body.error).toEqual({
        code: "not_found",
        message: `That link is not a published sermon on ${SITE}.`,
      });
    }
  });

  it("is 404 for another site's link, or a page of this site that is no sermon", async () => {
    for (const url of [
      "https://elsewhere.example/churches/grace/sermons/no-condemnation",
      "http://selah.test:8080/churches/grace/sermons/no-condemnation",
      `${SITE}/churches/grace`,
      `${SITE}/search?q=grace`,
      `${SITE}/churches/grace/sermons/no-condemnation/extra`,
    ]) {
      expect((await oembed({ url })).status, url).toBe(404);
    }
  });

  it("is 400 with a JSON error for a malformed or missing url, or a bad size", async () => {
    for (const url of [
      "not a url",
      "churches/grace/sermons/no-condemnation",
      "ftp://selah.test/x",
      "javascript:alert(1)",
    ]) {
      const { status, body } = await oembed({ url });
      expect(status, url).toBe(400);
      expect(body.error.code).toBe("invalid_request");
      expect(body.error.message).toContain("must be a full http(s) link to a sermon");
    }
    const missing = await oembed({});
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toBe("Give the sermon's link as the url parameter.");
    const badWidth = await oembed({ url: pageUrl("no-condemnation"), maxwidth: "wide" });
    expect(badWidth.status).toBe(400);
    expect(badWidth.body.error.message).toBe(
      "maxwidth must be a whole number of pixels, like 480.",
    );
  });

  it("is 501 for format=xml (JSON only), before anything else is checked", async () => {
    const { status, body } = await oembed({ url: pageUrl("no-condemnation"), format: "xml" });
    expect(status).toBe(501);
    expect(body.error).toEqual({
      code: "invalid_request",
      message: "Only format=json is offered, not format=xml.",
    });
    expect((await oembed({ url: "not a url", format: "xml" })).status).toBe(501);
  });
});
