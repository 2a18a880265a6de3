/**
 * The podcast feeds against real components: PGlite, fauxqs S3 and ffmpeg. A sermon's media is
 * made by the pipeline's own media stage (publishSermonMedia, recordProcessedMedia) and its
 * transcript stored as an admin's captions upload is; publishing goes through saveSermon. The
 * feeds, the media route, the captions and the JSON transcript are called as Next calls their
 * route handlers, and each feed is read back with podcast-partytime.
 *
 * Next's data cache exists only inside a Next server, so it is stood in for here by a small
 * cache that serves entries by key and drops them by tag, as Next does: the feeds' own caching
 * (lib/catalog/listener-cache) runs, and a write that did not expire the right tag would leave
 * a stale feed behind.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { type FeedObject, parseFeed } from "podcast-partytime";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as artworkRoute from "@/app/churches/[slug]/podcast-artwork.png/route";
import * as churchFeedRoute from "@/app/churches/[slug]/feed.xml/route";
import * as seriesFeedRoute from "@/app/churches/[slug]/series/[seriesSlug]/feed.xml/route";
import * as speakerFeedRoute from "@/app/churches/[slug]/speakers/[speakerSlug]/feed.xml/route";
import * as captionsRoute from "@/app/captions/[sermonId]/route";
import * as transcriptJsonRoute from "@/app/captions/[sermonId]/transcript.json/route";
import * as mediaRoute from "@/app/media/[sermonId]/[...path]/route";
import { saveSermon } from "@/lib/catalog/sermons/save-sermon";
import type { SermonInput } from "@/lib/catalog/sermons/sermon-input";
import { sermonOutputKey, type SermonVersion } from "@/lib/catalog/sermons/sermon-version";
import { publishSermonMedia } from "@/lib/pipeline/media-publishing/publish-sermon-media";
import { recordProcessedMedia } from "@/lib/pipeline/media-publishing/record-processed-media";
import { storeProvidedTranscript } from "@/lib/pipeline/transcription/store-provided-transcript";
import { type Db, getDb } from "@/lib/platform/db/client";
import { ensureBucket } from "@/lib/platform/storage/ensure-bucket";
import { createS3Client } from "@/lib/platform/storage/s3-client";
import { startTestServices, testAwsEnv, type TestServices } from "@/test/support/embedded-services";
import { generateMedia } from "@/test/support/test-media";

const nextCache = vi.hoisted(() => ({
  entries: new Map<string, { text: string; tags: string[] }>(),
}));
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  unstable_cache:
    (run: () => Promise<string>, keyParts: string[], options: { tags: string[] }) => async () => {
      const key = JSON.stringify(keyParts);
      const hit = nextCache.entries.get(key);
      if (hit) return JSON.parse(hit.text) as string;
      const text = await run();
      nextCache.entries.set(key, { text: JSON.stringify(text), tags: options.tags });
      return text;
    },
  revalidateTag: (tag: string) => {
    for (const [key, entry] of nextCache.entries)
      if (entry.tags.includes(tag)) nextCache.entries.delete(key);
  },
  revalidatePath: () => undefined,
}));

const ORIGIN = "http://selah.test";
const BUCKET = "selah-feeds";
const OWNER_EMAIL = "pastor@grace-feeds.example";
const TITLE = `<b>Hope</b> & "glory" <script>alert(1)</script>`;

let services: TestServices;
let s3: S3Client;
let db: Db;
let workDir: string;
let churchId: string;
let speakerId: string;
let seriesId: string;
let sermonId: string;

type Handler = (request: Request, context: { params: Promise<object> }) => Promise<Response>;

function call(handler: Handler, path: string, params: object, init: RequestInit = {}) {
  return handler(new Request(new URL(path, ORIGIN), init), { params: Promise.resolve(params) });
}

const churchFeed = (init?: RequestInit) =>
  call(
    churchFeedRoute.GET as Handler,
    "/churches/grace-feeds/feed.xml",
    { slug: "grace-feeds" },
    init,
  );
const seriesFeed = () =>
  call(seriesFeedRoute.GET as Handler, "/churches/grace-feeds/series/romans/feed.xml", {
    slug: "grace-feeds",
    seriesSlug: "romans",
  });
const speakerFeed = () =>
  call(speakerFeedRoute.GET as Handler, "/churches/grace-feeds/speakers/ruth-okafor/feed.xml", {
    slug: "grace-feeds",
    speakerSlug: "ruth-okafor",
  });

async function parsed(response: Response): Promise<FeedObject> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
  const feed = parseFeed(await response.text());
  expect(feed, "partytime reads the feed").not.toBeNull();
  return feed!;
}

/** The media route, called with the params Next would take from the enclosure's URL. */
function media(url: string, method: "GET" | "HEAD") {
  const { pathname, origin } = new URL(url);
  expect(origin).toBe(ORIGIN);
  const [, root, id, ...path] = pathname.split("/");
  expect(root).toBe("media");
  return call(mediaRoute[method] as Handler, pathname, { sermonId: id, path }, { method });
}

const sermonInput = (publishState: SermonInput["publishState"]): SermonInput => ({
  title: TITLE,
  description: "What we wait for with patience.",
  speakerId,
  seriesId,
  preachedOn: new Date("2026-11-22T00:00:00Z"),
  scripture: "Romans 8:18-25",
  tags: [],
  publishState,
  publishAt: null,
});

/** The pipeline's media stage on a 6-second tone, as process-sermon runs it. */
async function processMedia(id: string) {
  await db.sermon.update({ where: { id }, data: { mediaVersion: 1, status: "processing" } });
  const version: SermonVersion = { churchId, sermonId: id, mediaVersion: 1 };
  const original = await generateMedia(workDir, `${id}.wav`, [
    "-f",
    "lavfi",
    "-i",
    "sine=frequency=220:duration=6",
    "-ac",
    "1",
  ]);
  const objectKey = sermonOutputKey(version, "original/sermon.wav");
  await s3.send(
    new PutObjectCommand({ Bucket: BUCKET, Key: objectKey, Body: await readFile(original) }),
  );
  const storage = { s3, bucket: BUCKET };
  const media = await publishSermonMedia(
    { db, storage, workRoot: workDir },
    { ...version, objectKey },
  );
  expect(await recordProcessedMedia(db, version, media)).toBe(true);
}

/** An admin's captions upload becomes the sermon's transcript. */
const storeCaptions = (id: string) =>
  storeProvidedTranscript(
    { db, storage: { s3, bucket: BUCKET } },
    { churchId, sermonId: id },
    new TextEncoder().encode(
      "WEBVTT\n\n00:00:00.000 --> 00:00:02.500\nThe creation waits with eager longing.\n\n" +
        "00:00:02.500 --> 00:00:05.000\nFor the revealing of the children of God.\n",
    ),
  );

beforeAll(async () => {
  services = await startTestServices();
  const aws = testAwsEnv(services.aws.endpoint);
  Object.assign(process.env, {
    DATABASE_URL: services.database.url,
    BETTER_AUTH_URL: ORIGIN,
    AWS_REGION: aws.AWS_REGION,
    S3_ENDPOINT: aws.S3_ENDPOINT,
    S3_FORCE_PATH_STYLE: "true",
    S3_BUCKET: BUCKET,
  });
  s3 = createS3Client(aws);
  await ensureBucket(s3, BUCKET);
  db = getDb();
  workDir = await mkdtemp(join(tmpdir(), "selah-feeds-test-"));

  const church = await db.church.create({
    data: {
      slug: "grace-feeds",
      name: "Grace <Feeds> Chapel",
      description: "Verse by verse.",
      givingUrl: "https://grace-feeds.example/give",
      speakers: { create: { slug: "ruth-okafor", name: "Ruth Okafor" } },
      series: { create: { slug: "romans", title: "Romans" } },
    },
    include: { speakers: true, series: true },
  });
  churchId = church.id;
  speakerId = church.speakers[0]!.id;
  seriesId = church.series[0]!.id;
  const owner = await db.user.create({ data: { email: OWNER_EMAIL, name: "Pastor" } });
  await db.membership.create({ data: { userId: owner.id, churchId, role: "owner" } });

  // A draft with its media made by the pipeline's media stage and an admin's captions.
  sermonId = await saveSermon(db, churchId, null, sermonInput("draft"));
  await processMedia(sermonId);
  await storeCaptions(sermonId);
}, 180_000);

afterAll(async () => {
  s3?.destroy();
  await getDb().$disconnect();
  await services?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe("podcast feeds against the database, storage and the media route", () => {
  it("leaves a draft out, and carries it once published, with its enclosure as the media route serves it", async () => {
    const before = await parsed(await churchFeed());
    expect(before.items).toEqual([]);

    await saveSermon(db, churchId, sermonId, sermonInput("published"));
    const feed = await parsed(await churchFeed());
    expect(feed.items).toHaveLength(1);
    const [item] = feed.items;
    expect(item!.guid).toBe(sermonId);
    expect(item!.title).toBe(TITLE);
    expect(item!.description).toContain("Romans 8:18–25");

    const download = await db.mediaAsset.findFirstOrThrow({
      where: { sermonId, kind: "download" },
    });
    expect(item!.enclosure.length).toBe(Number(download.bytes));
    expect(item!.enclosure.type).toBe("audio/mp4");
    expect(item!.duration).toBe(6);

    const head = await media(item!.enclosure.url, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(item!.enclosure.length));
    expect(head.headers.get("content-type")).toBe("audio/mp4");
    expect(head.body).toBeNull();
    const get = await media(item!.enclosure.url, "GET");
    expect(get.status).toBe(200);
    expect(get.headers.get("content-length")).toBe(String(item!.enclosure.length));
    expect((await get.arrayBuffer()).byteLength).toBe(item!.enclosure.length);

    for (const response of [await seriesFeed(), await speakerFeed()]) {
      const group = await parsed(response);
      expect(group.items.map((episode) => episode.guid)).toEqual([sermonId]);
    }
    const speaker = await parsed(await speakerFeed());
    expect(speaker.podcastPeople?.map((person) => person.name)).toEqual(["Ruth Okafor"]);
  });

  it("links the transcript as WebVTT and Podcasting 2.0 JSON, both readable from any site", async () => {
    const [item] = (await parsed(await churchFeed())).items;
    const transcripts = item!.podcastTranscripts ?? [];
    expect(transcripts.map((transcript) => transcript.type).sort()).toEqual([
      "application/json",
      "text/vtt",
    ]);
    for (const transcript of transcripts) {
      const { pathname } = new URL(transcript.url);
      const route = transcript.type === "text/vtt" ? captionsRoute : transcriptJsonRoute;
      const response = await call(route.GET as Handler, pathname, { sermonId });
      expect(response.status, pathname).toBe(200);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      const body = await response.text();
      if (transcript.type === "text/vtt") {
        expect(body).toMatch(/^WEBVTT/);
        continue;
      }
      expect(response.headers.get("content-type")).toBe("application/json");
      expect(JSON.parse(body)).toEqual({
        version: "1.0.0",
        segments: [
          { startTime: 0, endTime: 2.5, body: "The creation waits with eager longing." },
          { startTime: 2.5, endTime: 5, body: "For the revealing of the children of God." },
        ],
      });
      const again = await call(
        route.GET as Handler,
        pathname,
        { sermonId },
        {
          headers: { "if-none-match": response.headers.get("etag")! },
        },
      );
      expect(again.status).toBe(304);
      expect(again.headers.get("access-control-allow-origin")).toBe("*");
    }
  });

  it("answers a conditional GET with 304, by ETag or by Last-Modified, until the feed changes", async () => {
    const first = await churchFeed();
    const etag = first.headers.get("etag")!;
    const lastModified = first.headers.get("last-modified")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(Date.parse(lastModified)).not.toBeNaN();

    const byEtag = await churchFeed({ headers: { "if-none-match": etag } });
    expect(byEtag.status).toBe(304);
    expect(await byEtag.text()).toBe("");
    expect(byEtag.headers.get("etag")).toBe(etag);
    const byDate = await churchFeed({ headers: { "if-modified-since": lastModified } });
    expect(byDate.status).toBe(304);
    const stale = await churchFeed({ headers: { "if-none-match": '"something-else"' } });
    expect(stale.status).toBe(200);

    // A second later, so Last-Modified (whole seconds) moves on too.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await db.church.update({ where: { id: churchId }, data: { description: "Changed." } });
    await saveSermon(db, churchId, sermonId, sermonInput("published"));
    const changed = await churchFeed({ headers: { "if-none-match": etag } });
    expect(changed.status).toBe(200);
    expect((await parsed(changed)).description).toBe("Changed.");
    const changedByDate = await churchFeed({ headers: { "if-modified-since": lastModified } });
    expect(changedByDate.status).toBe(200);
  });

  it("drops the sermon from every feed once unpublished, and its enclosure stops being served", async () => {
    const [item] = (await parsed(await churchFeed())).items;
    await saveSermon(db, churchId, sermonId, sermonInput("draft"));
    for (const response of [await churchFeed(), await seriesFeed(), await speakerFeed()])
      expect((await parsed(response)).items).toEqual([]);
    expect((await media(item!.enclosure.url, "HEAD")).status).toBe(404);
  });

  it("carries a scheduled sermon once its time comes, and its transcript once stored", async () => {
    const id = await saveSermon(db, churchId, null, {
      ...sermonInput("draft"),
      title: "Groaning Together",
      preachedOn: new Date("2026-11-29T00:00:00Z"),
    });
    await processMedia(id);
    const goesOut = new Date(Date.now() + 2000);
    await saveSermon(db, churchId, id, {
      ...sermonInput("scheduled"),
      title: "Groaning Together",
      preachedOn: new Date("2026-11-29T00:00:00Z"),
      publishAt: goesOut,
    });
    expect((await parsed(await churchFeed())).items.map((item) => item.guid)).not.toContain(id);

    // No write marks the moment: the cached feed knows it holds only until then.
    await new Promise((resolve) => setTimeout(resolve, goesOut.getTime() - Date.now() + 100));
    const [scheduled] = (await parsed(await churchFeed())).items;
    expect(scheduled!.guid).toBe(id);
    expect(scheduled!.podcastTranscripts).toBeUndefined();

    // Storing a transcript expires the sermon's page and its church's feeds, not its pages.
    await storeCaptions(id);
    const [transcribed] = (await parsed(await churchFeed())).items;
    expect(transcribed!.podcastTranscripts?.map((transcript) => transcript.type).sort()).toEqual([
      "application/json",
      "text/vtt",
    ]);
  });

  it("serves the church's artwork as a 1400 px square PNG, and answers 404 for an unknown feed", async () => {
    const feed = await parsed(await churchFeed());
    const { pathname, search } = new URL(feed.itunesImage!);
    const artwork = await call(artworkRoute.GET as Handler, `${pathname}${search}`, {
      slug: "grace-feeds",
    });
    expect(artwork.status).toBe(200);
    expect(artwork.headers.get("content-type")).toBe("image/png");
    const png = Buffer.from(await artwork.arrayBuffer());
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    // The IHDR chunk: width, then height, big-endian, after the signature and chunk header.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1400, 1400]);
    const again = await call(
      artworkRoute.GET as Handler,
      pathname,
      { slug: "grace-feeds" },
      {
        headers: { "if-none-match": artwork.headers.get("etag")! },
      },
    );
    expect(again.status).toBe(304);

    const missing = await call(churchFeedRoute.GET as Handler, "/churches/nowhere/feed.xml", {
      slug: "nowhere",
    });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: "not_found" } });
  });
});
