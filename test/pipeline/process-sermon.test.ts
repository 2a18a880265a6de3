import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GetObjectCommand, HeadObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateMedia } from "@/test/support/test-media";
import { MediaFileCache } from "@/lib/catalog/listener-cache/media-file-cache";
import { serveSermonMedia } from "@/lib/catalog/playback/serve-sermon-media";
import { retryFailedSermon } from "@/lib/pipeline/recovery/retry-failed-sermon";
import { startPipeline, type Pipeline } from "./support/pipeline-harness";

const AUDIO_SECONDS = 180;

let pipeline: Pipeline;
let workDir: string;
let audio: string;
/** The sermon the first test processes; the media route tests serve its files. */
let processed: { id: string; churchId: string; prefix: string } | undefined;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "selah-pipeline-test-"));
  // Tone with a two-second pause every ten seconds: speech-like loudness gating and silences.
  const [started, audioPath] = await Promise.all([
    startPipeline(),
    generateMedia(workDir, "sermon.mp3", [
      "-f",
      "lavfi",
      "-i",
      `sine=frequency=220:sample_rate=44100:duration=${AUDIO_SECONDS}`,
      "-af",
      "volume='if(lt(mod(t,10),8),0.5,0)':eval=frame",
      "-c:a",
      "libmp3lame",
      "-b:a",
      "96k",
    ]),
  ]);
  pipeline = started;
  audio = audioPath;
});

afterAll(async () => {
  await pipeline?.stop();
  await rm(workDir, { recursive: true, force: true });
});

describe("process-sermon through outbox → SQS → worker → engine", () => {
  it("streams an upload while transcoding it, then records the media and requests transcription", async () => {
    const sermon = await pipeline.createSermon({ slug: "three-minutes" });
    const event = await pipeline.upload(sermon, audio, { fileName: "sermon.mp3" });

    await pipeline.waitForStatus(sermon.id, ["streamable"]);
    const run = await pipeline.endedRun(event.id);
    expect(run.status).toBe("Completed");
    expect(run.steps.map((step) => step.attempts)).toEqual([1, 1, 1]);

    const prefix = `churches/${sermon.churchId}/sermons/${sermon.id}/v1`;
    const master = await pipeline.readObject(`${prefix}/master.m3u8`);
    const variants = master.match(
      /^#EXT-X-STREAM-INF:BANDWIDTH=\d+,AVERAGE-BANDWIDTH=\d+,CODECS="mp4a\.40\.2"\n(aac-\d+k\/index\.m3u8)$/gm,
    );
    expect(variants).toHaveLength(2);
    for (const rendition of ["aac-32k", "aac-64k"]) {
      const playlist = await pipeline.readObject(`${prefix}/${rendition}/index.m3u8`);
      expect(playlist).toContain("#EXT-X-PLAYLIST-TYPE:VOD");
      expect(playlist).toContain("#EXT-X-ENDLIST");
      expect(playlist).toContain("#EXT-X-TARGETDURATION:6");
      const segments = playlist.split("\n").filter((line) => line.endsWith(".m4s"));
      expect(segments.length).toBeGreaterThanOrEqual(AUDIO_SECONDS / 6);
      const seconds = [...playlist.matchAll(/^#EXTINF:([\d.]+),/gm)].reduce(
        (sum, m) => sum + Number(m[1]),
        0,
      );
      expect(Math.abs(seconds - AUDIO_SECONDS)).toBeLessThan(0.5);
      for (const name of ["init.mp4", segments[0]!, segments.at(-1)!]) {
        const head = await pipeline.storage.s3.send(
          new HeadObjectCommand({
            Bucket: pipeline.storage.bucket,
            Key: `${prefix}/${rendition}/${name}`,
          }),
        );
        expect(head.ContentLength).toBeGreaterThan(0);
      }
    }
    const waveform = JSON.parse(await pipeline.readObject(`${prefix}/waveform.json`)) as {
      bucketMs: number;
      max: number[];
    };

    const stored = await pipeline.db.sermon.findUniqueOrThrow({
      where: { id: sermon.id },
      include: { mediaAssets: { orderBy: { key: "asc" } } },
    });
    expect(stored.status).toBe("streamable");
    expect(stored.transcodePercent).toBe(100);
    expect(Math.abs(stored.durationMs! - AUDIO_SECONDS * 1000)).toBeLessThan(100);
    expect(waveform.max).toHaveLength(Math.ceil(stored.durationMs! / waveform.bucketMs));
    expect(
      stored.mediaAssets.map((asset) => [asset.kind, asset.key.slice(prefix.length + 1)]),
    ).toEqual([
      ["rendition", "aac-32k/index.m3u8"],
      ["rendition", "aac-64k/index.m3u8"],
      ["download", "download.m4a"],
      ["master_playlist", "master.m3u8"],
      ["silence_map", "silences.json"],
      ["waveform", "waveform.json"],
    ]);
    for (const asset of stored.mediaAssets) expect(Number(asset.bytes)).toBeGreaterThan(0);
    const byKind = (kind: string) => stored.mediaAssets.find((asset) => asset.kind === kind)!;
    const download = await pipeline.storage.s3.send(
      new HeadObjectCommand({ Bucket: pipeline.storage.bucket, Key: byKind("download").key }),
    );
    expect(download.ContentLength).toBe(Number(byKind("download").bytes));
    // Listeners could play it long before the transcode ended: the master was recorded
    // (sermon streamable) in its own transaction, well before the download existed.
    expect(
      byKind("download").createdAt.getTime() - byKind("master_playlist").createdAt.getTime(),
    ).toBeGreaterThan(200);
    // The waveform went up before the transcode, so the player could draw it from the start.
    expect(byKind("waveform").createdAt.getTime()).toBeLessThan(
      byKind("download").createdAt.getTime(),
    );

    const outbox = await pipeline.db.outbox.findUnique({
      where: { eventId: `sermon-transcription-requested:${sermon.id}:v1` },
    });
    expect(outbox).toMatchObject({
      name: "sermon/transcription.requested",
      payload: { sermonId: sermon.id, churchId: sermon.churchId, mediaVersion: 1 },
    });
    processed = { id: sermon.id, churchId: sermon.churchId, prefix };

    // The same event delivered again (SQS is at-least-once) is a duplicate, not a second run.
    await pipeline.inngest.send({ id: event.id, name: event.name, data: event.data });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await pipeline.runsOf(event.id)).toHaveLength(1);
  });

  it("draws a long recording's waveform from the start: sampled first, exact once recorded", async () => {
    // Over ten minutes: encoding starts from the sampled loudness estimate (lib/pipeline/media).
    const sermon = await pipeline.createSermon({ slug: "eleven-minutes" });
    const long = await generateMedia(workDir, "long.mp3", [
      ...["-f", "lavfi", "-i", "sine=frequency=220:sample_rate=44100:duration=660"],
      ...["-af", "volume='if(lt(mod(t,10),8),0.5,0)':eval=frame"],
      ...["-c:a", "libmp3lame", "-b:a", "48k"],
    ]);
    const event = await pipeline.upload(sermon, long, { fileName: "long.mp3" });
    const prefix = `churches/${sermon.churchId}/sermons/${sermon.id}/v1`;
    const assetKeys = async () =>
      (
        await pipeline.db.mediaAsset.findMany({
          where: { sermonId: sermon.id },
          orderBy: { key: "asc" },
        })
      ).map((asset) => [asset.kind, asset.key.slice(prefix.length + 1)]);

    await pipeline.waitForStatus(sermon.id, ["streamable"]);
    // Playable long before the transcode ends, with the windows' waveform already recorded.
    expect(await assetKeys()).toEqual([
      ["master_playlist", "master.m3u8"],
      ["waveform", "waveform-sampled.json"],
    ]);
    const sampled = JSON.parse(await pipeline.readObject(`${prefix}/waveform-sampled.json`)) as {
      max: number[];
    };
    expect(sampled.max).toHaveLength(96);

    expect((await pipeline.endedRun(event.id)).status).toBe("Completed");
    const recorded = await assetKeys();
    expect(recorded.filter(([kind]) => kind === "waveform")).toEqual([
      ["waveform", "waveform.json"],
    ]);
    expect(recorded).toHaveLength(6);
  });

  it("refuses a file that is not audio at once, and tells the admin why", async () => {
    const sermon = await pipeline.createSermon({ slug: "not-audio" });
    const notes = join(workDir, "notes.mp3");
    await writeFile(notes, "These are my sermon notes, not a recording.\n".repeat(200));
    const event = await pipeline.upload(sermon, notes, { fileName: "notes.mp3" });
    await pipeline.waitForStatus(sermon.id, ["rejected"]);
    const run = await pipeline.endedRun(event.id);
    expect(run.status).toBe("Failed");
    const transcodeStep = run.steps.find((step) => step.name.startsWith("Transcode"));
    expect(transcodeStep?.attempts).toBe(1);

    const stored = await pipeline.db.sermon.findUniqueOrThrow({ where: { id: sermon.id } });
    expect(stored.failedStage).toBe("audio_check");
    expect(stored.failureReason).toMatch(/could not be read as audio/);
    expect(await pipeline.db.mediaAsset.count({ where: { sermonId: sermon.id } })).toBe(0);
    expect(
      await pipeline.db.outbox.findUnique({
        where: { eventId: `sermon-failed:${sermon.id}:v1:audio_check` },
      }),
    ).toMatchObject({ name: "sermon/failed" });
  });

  it("runs a failed transcode again when the admin retries it", async () => {
    const sermon = await pipeline.createSermon({ slug: "retried" });
    const short = await generateMedia(workDir, "short.mp3", [
      "-f",
      "lavfi",
      "-i",
      "sine=frequency=330:duration=20",
      "-c:a",
      "libmp3lame",
    ]);
    const event = await pipeline.upload(sermon, short, { fileName: "short.mp3" });
    await pipeline.endedRun(event.id);
    // As if every attempt had run out (a storage outage, say): the file itself is fine.
    await pipeline.db.sermon.update({
      where: { id: sermon.id },
      data: { status: "failed", failedStage: "transcode", failureReason: "gave up" },
    });

    const retry = await retryFailedSermon(pipeline.db, sermon.churchId, sermon.id);
    expect(retry.eventId).toBe(`${event.id}:retry-1`);
    const run = await pipeline.endedRun(retry.eventId);
    expect(run.status).toBe("Completed");
    const stored = await pipeline.db.sermon.findUniqueOrThrow({ where: { id: sermon.id } });
    expect(stored).toMatchObject({ failureReason: null, transcodePercent: 100 });
    // Transcription may already have moved it on.
    expect(stored.status).toBeOneOf(["streamable", "transcribed", "searchable"]);
  });

  it("ignores an upload a newer one already replaced", async () => {
    const sermon = await pipeline.createSermon({ slug: "replaced", mediaVersion: 2 });
    const event = await pipeline.upload(sermon, audio, { fileName: "old.mp3", mediaVersion: 1 });
    const run = await pipeline.endedRun(event.id);
    expect(run.status).toBe("Completed");
    expect(run.output).toEqual({ skipped: "a newer upload replaced this one" });
    expect(run.steps).toHaveLength(1);
    const stored = await pipeline.db.sermon.findUniqueOrThrow({ where: { id: sermon.id } });
    expect(stored.status).toBe("processing");
  });
});

describe("GET /media/:sermonId/v:version/:file", () => {
  const get = (path: string, headers: Record<string, string> = {}) => {
    const [version, ...rest] = path.split("/");
    return serveSermonMedia(
      new Request(`http://selah.test/media/${processed!.id}/${path}`, { headers }),
      processed!.id,
      [version!, ...rest],
      { db: pipeline.db, storage: pipeline.storage },
    );
  };

  it("serves playlists, segments by range, the download and the waveform with fitting headers", async () => {
    expect(processed).toBeDefined();
    const master = await get("v1/master.m3u8");
    expect(master.status).toBe(200);
    expect(master.headers.get("content-type")).toBe("application/vnd.apple.mpegurl");
    expect(await master.text()).toContain("aac-64k/index.m3u8");

    const playlist = await get("v1/aac-32k/index.m3u8");
    expect(playlist.headers.get("cache-control")).toBe("public, max-age=86400");

    const whole = await get("v1/aac-64k/seg-00001.m4s");
    const size = Number(whole.headers.get("content-length"));
    expect(whole.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect((await whole.arrayBuffer()).byteLength).toBe(size);

    const part = await get("v1/aac-64k/seg-00001.m4s", { range: "bytes=100-199" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 100-199/${size}`);
    expect((await part.arrayBuffer()).byteLength).toBe(100);

    const download = await get("v1/download.m4a", { range: "bytes=0-7" });
    expect(download.status).toBe(206);
    expect(download.headers.get("content-type")).toBe("audio/mp4");
    expect(download.headers.get("content-disposition")).toBe(
      'attachment; filename="three-minutes.m4a"',
    );
    expect(
      Buffer.from(await download.arrayBuffer())
        .subarray(4, 8)
        .toString("latin1"),
    ).toBe("ftyp");

    const waveform = await get("v1/waveform.json");
    expect(waveform.headers.get("content-type")).toBe("application/json");
    expect(await waveform.json()).toHaveProperty("bucketMs");

    // The silence map, for the player's "Skip silence": the very file the ingest wrote.
    const silences = await get("v1/silences.json");
    expect(silences.status).toBe(200);
    expect(silences.headers.get("content-type")).toBe("application/json");
    expect(silences.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const written = await pipeline.readObject(`${processed!.prefix}/silences.json`);
    expect(await silences.json()).toEqual(JSON.parse(written));
  });

  it("serves a segment from memory the second time, the same bytes and headers, and still checks access", async () => {
    const fileCache = new MediaFileCache(1024 * 1024);
    const { storage, calls } = countingStorage();
    const serve = (path: string, headers: Record<string, string> = {}) =>
      serveSermonMedia(
        new Request(`http://selah.test/media/${processed!.id}/${path}`, { headers }),
        processed!.id,
        path.split("/"),
        { db: pipeline.db, storage, fileCache },
      );
    const first = await serve("v1/aac-64k/seg-00002.m4s");
    const firstBytes = Buffer.from(await first.arrayBuffer());
    expect(calls.count).toBe(1);
    const second = await serve("v1/aac-64k/seg-00002.m4s");
    expect(calls.count).toBe(1);
    expect(Buffer.from(await second.arrayBuffer()).equals(firstBytes)).toBe(true);
    for (const name of ["content-type", "content-length", "etag", "cache-control"])
      expect(second.headers.get(name), name).toBe(first.headers.get(name));
    const etag = second.headers.get("etag")!;
    expect((await serve("v1/aac-64k/seg-00002.m4s", { "if-none-match": etag })).status).toBe(304);
    // A range of it comes from memory too; an unpublished sermon's remembered segment is not served.
    const range = await serve("v1/aac-64k/seg-00002.m4s", { range: "bytes=0-9" });
    expect(range.status).toBe(206);
    expect(Buffer.from(await range.arrayBuffer()).equals(firstBytes.subarray(0, 10))).toBe(true);
    expect(calls.count).toBe(1);
    await pipeline.db.sermon.update({
      where: { id: processed!.id },
      data: { publishState: "draft" },
    });
    expect((await serve("v1/aac-64k/seg-00002.m4s")).status).toBe(404);
    await pipeline.db.sermon.update({
      where: { id: processed!.id },
      data: { publishState: "published" },
    });
  });

  it("answers the download's ranges from memory once the first one read it whole", async () => {
    const fileCache = new MediaFileCache(64 * 1024 * 1024);
    const { storage, calls } = countingStorage();
    const serve = (headers: Record<string, string> = {}) =>
      serveSermonMedia(
        new Request(`http://selah.test/media/${processed!.id}/v1/download.m4a`, { headers }),
        processed!.id,
        ["v1", "download.m4a"],
        { db: pipeline.db, storage, fileCache, countDownloads: false },
      );
    const stored = await pipeline.storage.s3.send(
      new GetObjectCommand({
        Bucket: pipeline.storage.bucket,
        Key: `${processed!.prefix}/download.m4a`,
      }),
    );
    const file = Buffer.from(await stored.Body!.transformToByteArray());
    const first = await serve({ range: "bytes=100-199" });
    expect(first.status).toBe(206);
    expect(Buffer.from(await first.arrayBuffer()).equals(file.subarray(100, 200))).toBe(true);
    // The first range streamed from storage while the whole file was read once, beside it.
    await expect.poll(() => fileCache.size.files).toBe(1);
    expect(calls.count).toBe(2);

    const middle = await serve({ range: "bytes=1000-1999" });
    expect(middle.status).toBe(206);
    expect(middle.headers.get("content-range")).toBe(`bytes 1000-1999/${file.length}`);
    expect(middle.headers.get("content-length")).toBe("1000");
    expect(middle.headers.get("cache-control")).toBe(first.headers.get("cache-control"));
    expect(middle.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(Buffer.from(await middle.arrayBuffer()).equals(file.subarray(1000, 2000))).toBe(true);
    const suffix = await serve({ range: "bytes=-500" });
    expect(suffix.status).toBe(206);
    expect(Buffer.from(await suffix.arrayBuffer()).equals(file.subarray(file.length - 500))).toBe(
      true,
    );
    const beyond = await serve({ range: `bytes=${file.length + 10}-` });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe(`bytes */${file.length}`);
    const whole = await serve();
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer()).equals(file)).toBe(true);
    // An If-Range naming another version of the file gets all of it, not a piece of the wrong one.
    const stale = await serve({ range: "bytes=0-9", "if-range": '"another"' });
    expect(stale.status).toBe(200);
    await stale.arrayBuffer();
    expect((await serve({ "if-none-match": first.headers.get("etag")! })).status).toBe(304);
    expect(calls.count).toBe(2);
  });

  it("answers 404 outside the allow-list, for other versions, and for unpublished sermons", async () => {
    for (const path of [
      "v1/original/sermon.mp3",
      "v1/aac-64k/silences.json",
      "v1/aac-64k/ffmpeg-live.m3u8",
      "v2/master.m3u8",
      "v1/../v1/master.m3u8",
    ]) {
      expect((await get(path)).status, path).toBe(404);
    }
    const setPublishing = (data: {
      publishState: "draft" | "scheduled" | "published";
      publishAt?: Date | null;
    }) => pipeline.db.sermon.update({ where: { id: processed!.id }, data });
    await setPublishing({ publishState: "draft" });
    expect((await get("v1/master.m3u8")).status).toBe(404);
    await setPublishing({ publishState: "scheduled", publishAt: new Date(Date.now() + 60_000) });
    expect((await get("v1/master.m3u8")).status).toBe(404);
    await setPublishing({ publishState: "scheduled", publishAt: new Date(Date.now() - 60_000) });
    expect((await get("v1/master.m3u8")).status).toBe(200);
    await setPublishing({ publishState: "published", publishAt: null });
  });
});

/** The pipeline's storage, counting the requests made of S3 (what memory answers saves). */
function countingStorage() {
  const calls = { count: 0 };
  const storage = {
    ...pipeline.storage,
    s3: {
      send: (command: never) => {
        calls.count++;
        return pipeline.storage.s3.send(command);
      },
    } as typeof pipeline.storage.s3,
  };
  return { storage, calls };
}
