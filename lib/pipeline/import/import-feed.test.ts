import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GetObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServices, testAwsEnv, type TestServices } from "@/test/support/embedded-services";
import {
  type FixtureServer,
  redirectTo,
  serveBytes,
  startFixtureServer,
} from "@/test/support/fixture-http-server";
import { type FixtureItem, podcastFeedXml } from "@/test/support/podcast-feed";
import { generateMedia } from "@/test/support/test-media";
import { parseAllowedHosts } from "@/lib/platform/net/allowed-hosts";
import { createDb, type Db } from "@/lib/platform/db/client";
import { ensureBucket } from "@/lib/platform/storage/ensure-bucket";
import { createS3Client } from "@/lib/platform/storage/s3-client";
import { feedImportView } from "./feed-import-view";
import type { ImportDeps } from "./import-deps";
import { type ReportedOutcome, runFeedImport } from "./run-feed-import";
import { startFeedImport } from "./start-feed-import";

let services: TestServices;
let db: Db;
let deps: ImportDeps;
let fixture: FixtureServer;
/** A server on another port: redirects point at it, and it must never see a connection. */
let forbidden: FixtureServer;
let workDir: string;
let mp3: Buffer;
let wav: Buffer;
let churchId: string;

const VTT = `WEBVTT

00:00:00.000 --> 00:00:01.000
Grace and peace to you.

00:00:01.000 --> 00:00:02.000
<v Ruth Okafor>The Lord is my shepherd.
`;

// One word per segment, as many hosts write Podcasting 2.0 JSON transcripts.
const JSON_TRANSCRIPT = JSON.stringify({
  version: "1.0.0",
  segments: [
    { speaker: "Daniel", startTime: 0.1, endTime: 0.4, body: "Come," },
    { speaker: "Daniel", startTime: 0.4, endTime: 0.7, body: "let" },
    { speaker: "Daniel", startTime: 0.7, endTime: 1.0, body: "us" },
    { speaker: "Daniel", startTime: 1.0, endTime: 1.5, body: "worship." },
    { speaker: "Daniel", startTime: 1.6, endTime: 1.9, body: "Amen." },
  ],
});

function feedItems(origin: string): FixtureItem[] {
  return [
    {
      title: "The Good Shepherd",
      guid: "gc-1",
      enclosureUrl: `${origin}/audio/shepherd.mp3`,
      pubDate: "Sun, 22 Nov 2026 10:30:00 GMT",
      description: "<p>Psalm 23.</p>",
      person: "Ruth Okafor",
      season: { number: 1, name: "Psalms" },
      keywords: "psalms, comfort",
      transcripts: [{ url: `${origin}/transcripts/shepherd.vtt`, type: "text/vtt" }],
    },
    {
      title: "Come, Let Us Worship",
      guid: "gc-2",
      // A WAV named without an extension: its content decides.
      enclosureUrl: `${origin}/audio/worship`,
      pubDate: "Sun, 15 Nov 2026 10:30:00 GMT",
      author: "Daniel Mwangi",
      season: { number: 1, name: "Psalms" },
      transcripts: [{ url: `${origin}/transcripts/worship.json`, type: "application/json" }],
    },
    {
      title: "No Guid Here",
      enclosureUrl: `${origin}/audio/no-guid.mp3`,
      pubDate: "Sun, 08 Nov 2026 10:30:00 GMT",
      author: "Ruth Okafor",
    },
    {
      title: "Broken Transcript",
      guid: "gc-4",
      enclosureUrl: `${origin}/audio/broken-transcript.mp3`,
      transcripts: [{ url: `${origin}/transcripts/broken.vtt`, type: "text/vtt" }],
    },
    {
      title: "Coming Soon",
      guid: "gc-5",
      enclosureUrl: `${origin}/audio/soon.mp3`,
      pubDate: "Sun, 06 Dec 2099 10:30:00 GMT",
    },
    { title: "Missing File", guid: "bad-404", enclosureUrl: `${origin}/audio/missing.mp3` },
    { title: "Not Audio", guid: "bad-text", enclosureUrl: `${origin}/audio/notes.mp3` },
    { title: "To Metadata", guid: "bad-metadata", enclosureUrl: `${origin}/audio/to-metadata.mp3` },
    { title: "To Ten", guid: "bad-ten", enclosureUrl: `${origin}/audio/to-ten.mp3` },
    { title: "To Loopback", guid: "bad-loopback", enclosureUrl: `${origin}/audio/to-loopback.mp3` },
    { title: "Three Gigabytes", guid: "bad-huge", enclosureUrl: `${origin}/audio/huge.mp3` },
  ];
}

const GOOD = ["gc-1", "gc-2", "no-guid", "gc-4", "gc-5"];

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "selah-import-test-"));
  const [started, mp3Path, wavPath] = await Promise.all([
    startTestServices(),
    generateMedia(workDir, "tone.mp3", [
      "-f",
      "lavfi",
      "-i",
      "sine=duration=2",
      "-c:a",
      "libmp3lame",
    ]),
    generateMedia(workDir, "tone.wav", ["-f", "lavfi", "-i", "sine=duration=2:sample_rate=16000"]),
  ]);
  services = started;
  [mp3, wav] = await Promise.all([readFile(mp3Path), readFile(wavPath)]);
  db = createDb(services.database.url);
  // The progress view reads through the process's own client, as the admin page does.
  process.env.DATABASE_URL = services.database.url;
  const s3 = createS3Client(testAwsEnv(services.aws.endpoint));
  await ensureBucket(s3, "media");
  forbidden = await startFixtureServer({ "/": serveBytes("you should not be here") });
  fixture = await startFixtureServer({
    "/audio/shepherd.mp3": serveBytes(mp3, "audio/mpeg"),
    "/audio/worship": serveBytes(wav, "application/octet-stream"),
    "/audio/no-guid.mp3": serveBytes(mp3, "audio/mpeg"),
    "/audio/broken-transcript.mp3": serveBytes(mp3, "audio/mpeg"),
    "/audio/soon.mp3": serveBytes(mp3, "audio/mpeg"),
    "/audio/notes.mp3": serveBytes(
      "These are my sermon notes, not a recording.\n".repeat(200),
      "audio/mpeg",
    ),
    "/audio/to-metadata.mp3": redirectTo("http://169.254.169.254/latest/meta-data/"),
    "/audio/to-ten.mp3": redirectTo("http://10.0.0.1/sermon.mp3", 301),
    "/audio/to-loopback.mp3": redirectTo(`${forbidden.origin}/`, 307),
    "/audio/huge.mp3": (_req, res) => {
      res.writeHead(200, { "content-type": "audio/mpeg", "content-length": String(3 * 1024 ** 3) });
      res.write(mp3.subarray(0, 1024));
    },
    "/transcripts/shepherd.vtt": serveBytes(VTT, "text/vtt"),
    "/transcripts/worship.json": serveBytes(JSON_TRANSCRIPT, "application/json"),
    "/transcripts/broken.vtt": serveBytes(
      "WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nBackwards\n",
      "text/vtt",
    ),
  });
  fixture.route(
    "/feed.xml",
    serveBytes(podcastFeedXml("Grace Chapel", feedItems(fixture.origin)), "application/rss+xml"),
  );
  deps = {
    db,
    storage: { s3, bucket: "media" },
    // Only the fixture server's own host:port may be reached although it is loopback.
    env: {
      IMPORT_ALLOWED_HOSTS: parseAllowedHosts(fixture.host),
      IMPORT_MAX_BYTES: 64 * 1024 * 1024,
    },
  };
  churchId = (
    await db.church.create({
      data: { slug: "grace", name: "Grace Chapel", timezone: "America/New_York" },
    })
  ).id;
});

afterAll(async () => {
  await fixture?.stop();
  await forbidden?.stop();
  await db?.$disconnect();
  await services?.stop();
  await rm(workDir, { recursive: true, force: true });
});

async function importOnce(
  url: string,
  options: { importAsDrafts?: boolean; church?: string } = {},
) {
  const { importId } = await startFeedImport(
    db,
    options.church ?? churchId,
    { url, importAsDrafts: options.importAsDrafts },
    "cli",
  );
  const lines: ReportedOutcome[] = [];
  const summary = await runFeedImport(deps, importId, (outcome) => lines.push(outcome));
  const byGuid = (guid: string) =>
    lines.find((line) => line.guid === guid || line.guid.endsWith(`/${guid}.mp3`))!;
  return { importId, lines, summary, byGuid };
}

describe("importing a podcast feed", () => {
  let first: Awaited<ReturnType<typeof importOnce>>;

  it("imports every good item as a sermon and reports each bad one with its reason", async () => {
    first = await importOnce(`${fixture.origin}/feed.xml`);
    expect(first.summary).toMatchObject({ itemCount: 11, imported: 5, skipped: 0, failed: 6 });
    expect(first.lines).toHaveLength(11);
    for (const guid of GOOD) expect(first.byGuid(guid)).toMatchObject({ outcome: "imported" });

    const reasons = Object.fromEntries(
      first.lines
        .filter((line) => line.outcome === "failed")
        .map((line) => [line.guid, "reason" in line ? line.reason : ""]),
    );
    expect(reasons["bad-404"]).toMatch(/missing\.mp3 answered HTTP 404/);
    expect(reasons["bad-text"]).toMatch(
      /notes\.mp3 is not audio Selah reads: "notes\.mp3" does not look like the audio/,
    );
    expect(reasons["bad-metadata"]).toMatch(/169\.254\.169\.254 is not a public address/);
    expect(reasons["bad-ten"]).toMatch(/10\.0\.0\.1 is not a public address/);
    expect(reasons["bad-loopback"]).toMatch(
      /127\.0\.0\.1 is not a public address.*IMPORT_ALLOWED_HOSTS/,
    );
    expect(reasons["bad-huge"]).toMatch(/is 3\.2 GB, over the 67\.1 MB limit \(IMPORT_MAX_BYTES\)/);
    // Refused before connecting: the loopback server behind the redirect never saw us.
    expect(forbidden.connections).toBe(0);
    // No sermon is left behind for an item whose audio never came.
    expect(await db.sermon.count({ where: { churchId } })).toBe(5);
  });

  it("makes the sermon from the item and hands its audio to the pipeline as an upload does", async () => {
    const line = first.byGuid("gc-1");
    if (line.outcome !== "imported") throw new Error("not imported");
    const sermon = await db.sermon.findUniqueOrThrow({
      where: { id: line.sermonId },
      include: { speaker: true, series: true, mediaAssets: true },
    });
    expect(sermon).toMatchObject({
      slug: line.sermonSlug,
      title: "The Good Shepherd",
      description: "Psalm 23.",
      tags: ["psalms", "comfort"],
      // 10:30 GMT on 22 Nov is the morning of 22 Nov in New York.
      preachedOn: new Date("2026-11-22T00:00:00Z"),
      publishState: "published",
      status: "processing",
      mediaVersion: 1,
      speaker: { name: "Ruth Okafor" },
      series: { title: "Psalms" },
    });
    const key = `churches/${churchId}/sermons/${sermon.id}/v1/original/shepherd.mp3`;
    expect(sermon.mediaAssets.filter((asset) => asset.kind === "original")).toEqual([
      expect.objectContaining({
        kind: "original",
        key,
        contentType: "audio/mpeg",
        bytes: BigInt(mp3.length),
      }),
    ]);
    const stored = await deps.storage.s3.send(new GetObjectCommand({ Bucket: "media", Key: key }));
    expect(Buffer.from(await stored.Body!.transformToByteArray()).equals(mp3)).toBe(true);
    const event = await db.outbox.findUniqueOrThrow({
      where: { eventId: `sermon-uploaded:${sermon.id}:v1` },
    });
    expect(event).toMatchObject({
      name: "sermon/uploaded",
      payload: { churchId, sermonId: sermon.id, mediaVersion: 1, objectKey: key },
    });

    // Same speaker and series by name: found, not created twice.
    const worship = first.byGuid("gc-2");
    const noGuid = first.byGuid("no-guid");
    if (worship.outcome !== "imported" || noGuid.outcome !== "imported")
      throw new Error("not imported");
    const findSermon = (id: string) =>
      db.sermon.findUniqueOrThrow({
        where: { id },
        include: { speaker: true, mediaAssets: true },
      });
    const [worshipSermon, noGuidSermon] = await Promise.all([
      findSermon(worship.sermonId),
      findSermon(noGuid.sermonId),
    ]);
    expect(worshipSermon.seriesId).toBe(sermon.seriesId);
    expect(worshipSermon.mediaAssets.find((asset) => asset.kind === "original")).toMatchObject({
      key: expect.stringMatching(/original\/worship\.wav$/),
      contentType: "audio/wav",
    });
    expect(noGuidSermon.speakerId).toBe(sermon.speakerId);
    expect(noGuid.guid).toBe(`${fixture.origin}/audio/no-guid.mp3`);
    expect(await db.speaker.count({ where: { churchId } })).toBe(2);
    expect(await db.series.count({ where: { churchId } })).toBe(1);

    // A pubDate still to come schedules the sermon for then.
    const soon = first.byGuid("gc-5");
    if (soon.outcome !== "imported") throw new Error("not imported");
    expect(await db.sermon.findUniqueOrThrow({ where: { id: soon.sermonId } })).toMatchObject({
      publishState: "scheduled",
      publishAt: new Date("2099-12-06T10:30:00Z"),
    });
  });

  it("uses the feed's transcripts as uploaded captions instead of transcribing", async () => {
    const transcriptOf = async (guid: string) => {
      const line = first.byGuid(guid);
      if (line.outcome !== "imported") throw new Error("not imported");
      return db.sermon.findUniqueOrThrow({
        where: { id: line.sermonId },
        select: {
          transcriptionProvider: true,
          transcripts: {
            where: { isCurrent: true },
            include: { segments: { orderBy: { position: "asc" } } },
          },
        },
      });
    };
    const vtt = await transcriptOf("gc-1");
    expect(vtt.transcriptionProvider).toBe("provided");
    expect(
      vtt.transcripts[0]!.segments.map(({ startMs, endMs, text, speaker }) => ({
        startMs,
        endMs,
        text,
        speaker,
      })),
    ).toEqual([
      { startMs: 0, endMs: 1000, text: "Grace and peace to you.", speaker: null },
      { startMs: 1000, endMs: 2000, text: "The Lord is my shepherd.", speaker: "Ruth Okafor" },
    ]);
    const json = await transcriptOf("gc-2");
    expect(json.transcriptionProvider).toBe("provided");
    expect(json.transcripts[0]!.segments.map((s) => s.text)).toEqual([
      "Come, let us worship.",
      "Amen.",
    ]);

    // A transcript that does not parse is noted; the sermon is transcribed as usual.
    const broken = first.byGuid("gc-4");
    expect(broken).toMatchObject({
      outcome: "imported",
      note: expect.stringMatching(/transcript was not used.*Line 3: the cue ends before it starts/),
    });
    expect(await transcriptOf("gc-4")).toMatchObject({
      transcriptionProvider: null,
      transcripts: [],
    });
    expect(await transcriptOf("no-guid")).toMatchObject({ transcriptionProvider: null });
  });

  it("shows each item's state, and the failures with their reasons", async () => {
    const view = (await feedImportView(churchId, first.importId))!;
    expect(view).toMatchObject({
      status: "finished",
      itemCount: 11,
      skippedCount: 0,
      counts: { queued: 0, fetching: 0, processing: 5, done: 0, failed: 6 },
      isActive: true, // its sermons are still in the pipeline
    });
    expect(view.items.map((item) => [item.title, item.state])).toEqual([
      ["The Good Shepherd", "processing"],
      ["Come, Let Us Worship", "processing"],
      ["No Guid Here", "processing"],
      ["Broken Transcript", "processing"],
      ["Coming Soon", "processing"],
      ["Missing File", "failed"],
      ["Not Audio", "failed"],
      ["To Metadata", "failed"],
      ["To Ten", "failed"],
      ["To Loopback", "failed"],
      ["Three Gigabytes", "failed"],
    ]);
    expect(view.items[0]!.bytesFetched).toBe(mp3.length);
    expect(view.items[5]!.reason).toMatch(/HTTP 404/);
    expect(await feedImportView("another-church", first.importId)).toBeNull();
  });

  it("imports again adding nothing new: known items are skipped, failed ones tried again", async () => {
    const second = await importOnce(`${fixture.origin}/feed.xml`);
    expect(second.summary).toMatchObject({ itemCount: 11, imported: 0, skipped: 5, failed: 6 });
    for (const guid of GOOD) expect(second.byGuid(guid)).toMatchObject({ outcome: "skipped" });
    expect(await db.sermon.count({ where: { churchId } })).toBe(5);
    expect(await db.outbox.count({ where: { name: "sermon/uploaded" } })).toBe(5);

    // The missing file appears on the server: the next import brings in just that one.
    fixture.route("/audio/missing.mp3", serveBytes(mp3, "audio/mpeg"));
    const third = await importOnce(`${fixture.origin}/feed.xml`);
    expect(third.summary).toMatchObject({ imported: 1, skipped: 5, failed: 5 });
    expect(third.byGuid("bad-404")).toMatchObject({ outcome: "imported" });
    expect(forbidden.connections).toBe(0);
  });

  it("holds the sermons as drafts when the church's feed says so", async () => {
    const other = await db.church.create({ data: { slug: "other", name: "Other" } });
    fixture.route(
      "/drafts.xml",
      serveBytes(podcastFeedXml("Drafts", [feedItems(fixture.origin)[0]!]), "application/rss+xml"),
    );
    const drafts = await importOnce(`${fixture.origin}/drafts.xml`, {
      church: other.id,
      importAsDrafts: true,
    });
    expect(drafts.summary).toMatchObject({ imported: 1 });
    expect(await db.sermon.findFirstOrThrow({ where: { churchId: other.id } })).toMatchObject({
      publishState: "draft",
      status: "processing",
    });
  });

  it("refuses an unreadable feed with a clear error and records why", async () => {
    fixture.route(
      "/broken.xml",
      serveBytes("<rss><channel><item><title>One</title></channel></rss>", "application/rss+xml"),
    );
    const { importId } = await startFeedImport(
      db,
      churchId,
      { url: `${fixture.origin}/broken.xml` },
      "cli",
    );
    await expect(runFeedImport(deps, importId, () => undefined)).rejects.toThrow(
      /^The feed is not well-formed XML: line 1, column \d+: .*item/,
    );
    expect(await db.feedImport.findUniqueOrThrow({ where: { id: importId } })).toMatchObject({
      status: "failed",
      failureReason: expect.stringMatching(/not well-formed XML/),
    });
    const { importId: privateId } = await startFeedImport(
      db,
      churchId,
      { url: "http://192.168.1.10/feed.xml" },
      "cli",
    );
    await expect(runFeedImport(deps, privateId, () => undefined)).rejects.toThrow(
      "192.168.1.10 is not a public address",
    );
  });
});
