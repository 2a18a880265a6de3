import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { GetObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveSeries } from "@/lib/catalog/series/series";
import { saveSpeaker } from "@/lib/catalog/speakers/speakers";
import { silentFilm } from "@/test/pipeline/support/bad-media";
import { startPipeline, type Pipeline } from "@/test/pipeline/support/pipeline-harness";
import { generateSpeech } from "@/test/support/test-media";

// `npm run sermon:add` as a person runs it: the real CLI in its own process, against the real
// services (PGlite, fauxqs S3/SQS) with the pipeline running beside it (outbox → SQS → worker →
// engine → the app's Inngest functions), as under `npm start`.

let pipeline: Pipeline;
let workDir: string;
let speech: string;
let churchId: string;
let ruthId: string;
let lettersId: string;

const CAPTIONS = `WEBVTT

00:00:00.000 --> 00:00:04.000
Grace and peace to you.

00:00:04.000 --> 00:00:09.000
Today we read from the letter to the Romans, chapter eight.

00:00:09.000 --> 00:00:14.000
There is therefore now no condemnation.
`;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI as `npm run sermon:add -- …` runs it (Node 24 with tsx), configured by environment alone. */
function sermonAdd(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  const { DEBUG: _debug, BETTER_AUTH_URL: _url, PORT: _port, ...inherited } = process.env;
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ["--import", "tsx", "scripts/sermon-add.ts", ...args],
      {
        // The harness put DATABASE_URL and the S3 variables of its services in process.env.
        env: { ...inherited, SELAH_DATA_DIR: path.join(workDir, "data"), ...env },
        timeout: 150_000,
      },
      (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

const jsonLine = (run: Run) => {
  const lines = run.stdout.split("\n").filter(Boolean);
  expect(lines, run.stderr).toHaveLength(1);
  return JSON.parse(lines[0]!) as Record<string, unknown>;
};

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), "selah-sermon-add-"));
  [pipeline, speech] = await Promise.all([startPipeline(), generateSpeech(workDir)]);
  await writeFile(path.join(workDir, "romans.vtt"), CAPTIONS);
  const { db } = pipeline;
  churchId = (await db.church.create({ data: { slug: "grace", name: "Grace Chapel" } })).id;
  ruthId = await saveSpeaker(db, churchId, null, { name: "Ruth Okafor", bio: "" });
  lettersId = await saveSeries(db, churchId, null, { title: "Letters of Paul", description: "" });
});

afterAll(async () => {
  await pipeline?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe("npm run sermon:add", () => {
  it("adds a published sermon with its speaker, a new series, its date and its transcript, and the pipeline gets it", async () => {
    const run = await sermonAdd(
      [
        ...["--church", "grace", "--title", "More Than Conquerors", "--audio", speech],
        ...["--speaker", "ruth okafor", "--series", "Hope in Exile", "--date", "2026-11-22"],
        ...["--transcript", path.join(workDir, "romans.vtt"), "--publish"],
      ],
      { BETTER_AUTH_URL: "https://sermons.example.org" },
    );
    expect(run.code, run.stderr).toBe(0);
    const printed = jsonLine(run);
    const id = printed.id as string;
    expect(printed).toEqual({
      id,
      slug: "more-than-conquerors",
      url: "https://sermons.example.org/churches/grace/sermons/more-than-conquerors",
    });

    const { db } = pipeline;
    const sermon = await db.sermon.findUniqueOrThrow({
      where: { id },
      include: { series: true, uploads: true, mediaAssets: { where: { kind: "original" } } },
    });
    // The speaker was found by name whatever its case; the series did not exist, so it does now.
    expect(sermon).toMatchObject({
      churchId,
      title: "More Than Conquerors",
      speakerId: ruthId,
      series: { title: "Hope in Exile", slug: "hope-in-exile" },
      preachedOn: new Date("2026-11-22T00:00:00Z"),
      publishState: "published",
      mediaVersion: 1,
      transcriptionProvider: "provided",
    });
    expect(await db.speaker.count({ where: { churchId } })).toBe(1);

    // Uploaded as the browser uploads: one completed multipart upload, by no signed-in user.
    const size = (await readFile(speech)).length;
    expect(sermon.uploads).toMatchObject([
      { fileName: "speech.wav", status: "completed", bytes: BigInt(size), createdById: null },
    ]);
    const key = `churches/${churchId}/sermons/${id}/v1/original/speech.wav`;
    expect(sermon.mediaAssets).toMatchObject([
      { key, contentType: "audio/wav", bytes: BigInt(size) },
    ]);
    const stored = await pipeline.storage.s3.send(
      new GetObjectCommand({ Bucket: pipeline.storage.bucket, Key: key }),
    );
    expect(Buffer.from(await stored.Body!.transformToByteArray())).toEqual(await readFile(speech));

    // Completion published sermon/uploaded through the outbox, for the pipeline.
    expect(
      await db.outbox.findUnique({ where: { eventId: `sermon-uploaded:${id}:v1` } }),
    ).toMatchObject({
      name: "sermon/uploaded",
      payload: { sermonId: id, churchId, mediaVersion: 1, objectKey: key },
    });
    // The caption file became the current transcript, as an admin's captions upload does.
    const transcript = await db.transcript.findFirstOrThrow({
      where: { sermonId: id, isCurrent: true },
      include: { segments: { orderBy: { position: "asc" } } },
    });
    expect(transcript).toMatchObject({ provider: "provided", model: "vtt" });
    expect(transcript.segments.map((segment) => segment.text)).toEqual([
      "Grace and peace to you.",
      "Today we read from the letter to the Romans, chapter eight.",
      "There is therefore now no condemnation.",
    ]);
    expect(run.stderr).toContain("transcript: 3 captions");
  }, 180_000);

  it("--wait returns once the sermon is searchable, showing progress on stderr", async () => {
    const run = await sermonAdd([
      ...["--church", "grace", "--title", "Letters", "--audio", speech],
      ...[
        "--series",
        "letters-of-paul",
        "--transcript",
        path.join(workDir, "romans.vtt"),
        "--wait",
      ],
    ]);
    expect(run.code, run.stderr).toBe(0);
    const printed = jsonLine(run);
    // No public URL configured: the embedded default's address.
    expect(printed).toEqual({
      id: printed.id,
      slug: "letters",
      url: "http://127.0.0.1:3000/churches/grace/sermons/letters",
      status: "searchable",
    });
    expect(run.stderr).toContain(
      "added http://127.0.0.1:3000/churches/grace/sermons/letters; waiting until it is searchable",
    );
    expect(run.stderr).toMatch(/^(processing|streamable|transcribed): /m);

    const sermon = await pipeline.db.sermon.findUniqueOrThrow({
      where: { id: printed.id as string },
      include: { _count: { select: { chunks: true } } },
    });
    // The series was found by its slug; the sermon is a draft, processed all the same.
    expect(sermon).toMatchObject({
      status: "searchable",
      seriesId: lettersId,
      publishState: "draft",
    });
    expect(sermon._count.chunks).toBeGreaterThan(0);
    expect(
      await pipeline.db.series.count({ where: { churchId, slug: { startsWith: "letters" } } }),
    ).toBe(1);
  }, 180_000);

  it("--wait ends with the reason and a non-zero exit when the pipeline refuses the recording", async () => {
    const film = path.join(workDir, "screen-recording.mp4");
    await writeFile(film, await silentFilm(workDir));
    const run = await sermonAdd([
      ...["--church", "grace", "--title", "Silent Film", "--audio", film, "--wait"],
    ]);
    expect(run.code).toBe(1);
    expect(jsonLine(run)).toMatchObject({ slug: "silent-film", status: "rejected" });
    expect(run.stderr).toMatch(/^error: Audio check: This file has no sound track/m);
  }, 180_000);

  it("refuses bad input with a message a person can act on, and adds nothing", async () => {
    const { db } = pipeline;
    const counts = async () => ({
      sermons: await db.sermon.count(),
      speakers: await db.speaker.count(),
      series: await db.series.count(),
      uploads: await db.mediaUpload.count(),
      uploaded: await db.outbox.count({ where: { name: "sermon/uploaded" } }),
    });
    const before = await counts();
    const notes = path.join(workDir, "notes.mp3");
    await writeFile(notes, "Sermon notes: grace, peace, Romans 8.\n".repeat(200));
    const badCaptions = path.join(workDir, "bad.vtt");
    await writeFile(
      badCaptions,
      "WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nGrace.\n\n00:00:04,000 --> 00:00:09.000\nPeace.\n",
    );
    const missing = path.join(workDir, "missing.mp3");
    const good = ["--church", "grace", "--title", "Refused", "--audio", speech];
    const cases: [string[], string][] = [
      [
        ["--church", "nope", "--title", "Refused", "--audio", speech],
        'error: --church: There is no church "nope"; use the slug of one of: grace.\n',
      ],
      [
        ["--church", "grace", "--title", "Refused", "--audio", missing],
        `error: --audio: There is no file ${missing}.\n`,
      ],
      [
        ["--church", "grace", "--title", "Refused", "--audio", notes],
        'error: --audio: "notes.mp3" does not look like the audio or video file its name says; it may be damaged or renamed.\n',
      ],
      [
        [...good, "--date", "2026-02-30"],
        "error: --date: There is no such day; use a date like 2026-11-22.\n",
      ],
      [[...good, "--date", "22/11/2026"], "error: --date: Use a date like 2026-11-22.\n"],
      [[...good, "--bogus"], "error: Unknown option '--bogus'"],
      [
        // A speaker that does not exist yet is not created for a sermon that is not added.
        [...good, "--speaker", "Someone New", "--transcript", badCaptions],
        'error: --transcript: bad.vtt: Line 6: malformed timestamp "00:00:04,000 --> 00:00:09.000"',
      ],
      [
        ["--church", "grace", "--title", "", "--audio", missing, "--date", "2026-13-01"],
        "error: --title: Give the sermon a title.\n",
      ],
      [
        ["--church", "grace", "--title", "Refused", "--audio", missing, "--date", "2026-13-01"],
        `error: Nothing was added:\n  --date: There is no such day; use a date like 2026-11-22.\n  --audio: There is no file ${missing}.\n`,
      ],
    ];
    for (const [args, message] of cases) {
      const run = await sermonAdd(args);
      expect(run.code, `${args.join(" ")}\n${run.stderr}`).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr.startsWith(message), run.stderr).toBe(true);
      expect(run.stderr).toContain("Usage: npm run sermon:add");
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect(await counts()).toEqual(before);
    expect(await db.speaker.count({ where: { name: "Someone New" } })).toBe(0);
  }, 300_000);
});
