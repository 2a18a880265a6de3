import { execFile } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { GetObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { create, extract } from "tar";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Store } from "@/engine/src/store";
import { seedIndexedSermon } from "@/eval/search/seed-sermon";
import { createAdmin } from "@/lib/platform/auth/create-admin";
import { createAuth } from "@/lib/platform/auth/create-auth";
import { createDb, type Db } from "@/lib/platform/db/client";
import { ensureBucket } from "@/lib/platform/storage/ensure-bucket";
import { createS3Client } from "@/lib/platform/storage/s3-client";
import { createLocalEmbedder } from "@/lib/search/embeddings/local-embedder";
import { searchMoments } from "@/lib/search/search-moments";
import { restoreBackup } from "@/scripts/backup/restore-backup";
import { TarGzWriter } from "@/scripts/backup/tar-gz-writer";
import { readOrCreateSecret } from "@/scripts/launcher/read-or-create-secret";
import { startTestServices, testAwsEnv, type TestServices } from "./support/embedded-services";

// npm run backup while Selah is busy writing, then npm run restore into a new data dir: the
// restored Selah has the same rows, objects, secrets, engine state, sign-ins and search hits,
// and what was being written meanwhile comes back whole or not at all.

const run = promisify(execFile);
const embedder = createLocalEmbedder(384);
const BUCKET = "selah-media";
const SECRETS = ["auth-secret", "inngest-signing-key", "inngest-event-key"];
const QUERY = "nothing can separate us from the love of God";

const workDir = mkdtempSync(path.join(tmpdir(), "selah-backup-test-"));
const sourceDir = path.join(workDir, "source");
const restoredDir = path.join(workDir, "restored");
const archive = path.join(workDir, "backup.tgz");

const objects: Array<{
  key: string;
  body: Buffer;
  contentType: string;
  metadata?: Record<string, string>;
}> = [
  {
    key: "churches/c/sermons/s/v1/download.m4a",
    body: Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7) % 256)),
    contentType: "audio/mp4",
    metadata: { duration: "42" },
  },
  {
    key: "churches/c/sermons/s/v1/waveform.json",
    body: Buffer.from("[1,2,3]"),
    contentType: "application/json",
  },
  { key: "churches/c/empty.txt", body: Buffer.alloc(0), contentType: "text/plain" },
  { key: "odd keys/../ü?#%.txt", body: Buffer.from("odd"), contentType: "text/plain" },
];

type Before = {
  rows: Record<string, unknown>;
  hits: Array<{ sermonId: string; startMs: number }>;
  cookie: string;
  secrets: Record<string, string>;
  writtenBeforeBackup: number;
};
let before: Before;
let services: TestServices | undefined;
let restored: TestServices | undefined;
let backupOutput = "";

const cli = (script: string, dataDir: string, args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, ["--import", "tsx", script, ...args], {
    env: { ...process.env, SELAH_DATA_DIR: dataDir, ...env },
    cwd: process.cwd(),
  });

/** The rows a listener and an admin see, in a form that compares across databases. */
async function fixtureRows(db: Db) {
  const church = await db.church.findUniqueOrThrow({ where: { slug: "grace" } });
  return {
    church,
    users: await db.user.findMany({ orderBy: { email: "asc" } }),
    accounts: await db.account.findMany({ orderBy: { id: "asc" } }),
    sermons: await db.sermon.findMany({
      where: { churchId: church.id },
      include: { scriptureRefs: true, mediaAssets: true },
      orderBy: { id: "asc" },
    }),
    transcripts: await db.transcript.findMany({
      include: { segments: { orderBy: { position: "asc" } } },
      orderBy: { id: "asc" },
    }),
    chunks:
      await db.$queryRaw`SELECT id, text, context, embedding::text AS embedding, tsv::text AS tsv FROM "Chunk" ORDER BY id`,
  };
}

async function putFixtures(s3: S3Client) {
  await ensureBucket(s3, BUCKET);
  for (const object of objects)
    await s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: object.key,
        Body: object.body,
        ContentType: object.contentType,
        Metadata: object.metadata,
      }),
    );
}

beforeAll(async () => {
  services = await startTestServices({ dir: sourceDir });
  const secrets = Object.fromEntries(
    SECRETS.map((name) => [name, readOrCreateSecret(path.join(sourceDir, name))]),
  );
  const db = createDb(services.database.url, 2);
  const s3 = createS3Client(testAwsEnv(services.aws.endpoint));
  const engine = new Store(path.join(sourceDir, "engine"));
  try {
    const { churchId } = await createAdmin(db, {
      email: "pastor@grace.example",
      password: "a-long-password-1",
      churchSlug: "grace",
      role: "owner",
    });
    const sermonId = await seedIndexedSermon({ db, embedder }, churchId, {
      title: "More Than Conquerors",
      speaker: "Ruth Okafor",
      series: "Romans",
      date: "2026-01-04",
      mainPassage: "Romans 8:28-39",
      paragraphs: [
        "Nothing can separate us from the love of God: not height, not depth, not anything else in all creation.",
        "Tribulation, distress, persecution, famine and nakedness are named one by one.",
      ],
    });
    await putFixtures(s3);
    await db.mediaAsset.createMany({
      data: objects.slice(0, 2).map((object) => ({
        sermonId,
        kind: object.contentType === "audio/mp4" ? ("download" as const) : ("waveform" as const),
        key: object.key,
        contentType: object.contentType,
        bytes: BigInt(object.body.length),
      })),
    });
    const auth = createAuth({ db, secret: secrets["auth-secret"]!, inNextServer: false });
    const signIn = await auth.api.signInEmail({
      body: { email: "pastor@grace.example", password: "a-long-password-1" },
      asResponse: true,
    });
    const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;
    engine.run(
      "INSERT INTO events (internal_id, id, name, body, received_at) VALUES ('fixture', 'e1', 'sermon/uploaded', '{}', 1)",
    );

    // Writers that keep going during the backup. Each step stores an object, then names it in
    // one transaction with two rows (a speaker and a series); the engine writes pairs too.
    let writes = 0;
    let stop = false;
    const dbWriter = (async () => {
      for (let n = 0; !stop; n++) {
        const key = `writer/${n}`;
        await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: key }));
        await db.$transaction([
          db.speaker.create({ data: { churchId, slug: `w-${n}`, name: `w-${n}` } }),
          db.series.create({ data: { churchId, slug: `w-${n}`, title: key } }),
        ]);
        writes = n + 1;
      }
    })();
    let engineWrites = 0;
    const engineWriter = setInterval(() => {
      engine.tx(() => {
        const n = engineWrites++;
        engine.run(
          "INSERT INTO events (internal_id, id, name, body, received_at) VALUES (?, ?, 'w', '{}', ?)",
          `w-${n}`,
          `w-${n}`,
          n,
        );
        engine.run("INSERT INTO dedupe_keys (key, expires_at) VALUES (?, ?)", `w-${n}`, n);
      });
    }, 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const writtenBeforeBackup = writes;

    const rows = await fixtureRows(db);
    const hits = (
      await searchMoments({ db, embedder }, { query: QUERY, filter: {}, limit: 5 })
    ).map((hit) => ({ sermonId: hit.sermonId, startMs: hit.startMs }));
    try {
      const { stdout } = await cli("scripts/backup.ts", sourceDir, [archive], {
        FAUXQS_PORT: String(services.aws.port),
      });
      backupOutput = stdout;
    } finally {
      stop = true;
      clearInterval(engineWriter);
      await dbWriter;
    }
    expect(writes).toBeGreaterThan(writtenBeforeBackup); // the writers really ran alongside
    before = { rows, hits, cookie, secrets, writtenBeforeBackup };
  } finally {
    engine.close();
    s3.destroy();
    await db.$disconnect();
  }
  await services.stop({ keepData: true });
  services = undefined;

  await cli("scripts/restore.ts", restoredDir, [archive]);
  restored = await startTestServices({ dir: restoredDir });
}, 120_000);

afterAll(async () => {
  await services?.stop();
  await restored?.stop();
  rmSync(workDir, { recursive: true, force: true });
});

describe("npm run backup while Selah writes, then npm run restore into a new data dir", () => {
  it("reports what it copied, with Selah kept running", () => {
    expect(backupOutput).toMatch(/Database: \d+ tables, \d+ rows/);
    expect(backupOutput).toMatch(/Backup complete in .* \(Selah kept running\)/);
    expect(statSync(archive).mode & 0o777).toBe(0o600); // it holds the secrets
  });

  it("brings back the same church, admin, sermon, transcript and moments", async () => {
    const db = createDb(restored!.database.url, 1);
    try {
      expect(await fixtureRows(db)).toEqual(before.rows);
    } finally {
      await db.$disconnect();
    }
  });

  it("signs the same admin in, and keeps the session that was open", async () => {
    const db = createDb(restored!.database.url, 1);
    try {
      const secret = readFileSync(path.join(restoredDir, "auth-secret"), "utf8");
      const auth = createAuth({ db, secret, inNextServer: false });
      const session = await auth.api.getSession({
        headers: new Headers({ cookie: before.cookie }),
      });
      expect(session?.user.email).toBe("pastor@grace.example");
      const signIn = await auth.api.signInEmail({
        body: { email: "pastor@grace.example", password: "a-long-password-1" },
      });
      expect(signIn.user.email).toBe("pastor@grace.example");
    } finally {
      await db.$disconnect();
    }
  });

  it("serves the same search results", async () => {
    const db = createDb(restored!.database.url, 1);
    try {
      const hits = await searchMoments({ db, embedder }, { query: QUERY, filter: {}, limit: 5 });
      expect(hits.map((hit) => ({ sermonId: hit.sermonId, startMs: hit.startMs }))).toEqual(
        before.hits,
      );
      expect(before.hits.length).toBeGreaterThan(0);
    } finally {
      await db.$disconnect();
    }
  });

  it("keeps every stored object with its content type and metadata", async () => {
    const s3 = createS3Client(testAwsEnv(restored!.aws.endpoint));
    try {
      for (const object of objects) {
        const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: object.key }));
        expect(Buffer.from(await got.Body!.transformToByteArray()).equals(object.body)).toBe(true);
        expect(got.ContentType).toBe(object.contentType);
        expect(got.Metadata ?? {}).toEqual(object.metadata ?? {});
      }
    } finally {
      s3.destroy();
    }
  });

  it("keeps the secrets, readable by their owner only", () => {
    for (const name of SECRETS) {
      expect(readFileSync(path.join(restoredDir, name), "utf8")).toBe(before.secrets[name]);
      expect(statSync(path.join(restoredDir, name)).mode & 0o777).toBe(0o600);
    }
  });

  it("copies what was being written as of one moment: each transaction whole, each named object present", async () => {
    const db = createDb(restored!.database.url, 1);
    const s3 = createS3Client(testAwsEnv(restored!.aws.endpoint));
    const engine = new Store(path.join(restoredDir, "engine"));
    try {
      const numbers = (rows: Array<{ slug: string }>) =>
        rows
          .filter((row) => row.slug.startsWith("w-"))
          .map((row) => Number(row.slug.slice(2)))
          .sort((a, b) => a - b);
      const speakers = numbers(await db.speaker.findMany({ select: { slug: true } }));
      const series = numbers(await db.series.findMany({ select: { slug: true } }));
      expect(speakers).toEqual(series);
      expect(speakers).toEqual(speakers.map((_, i) => i)); // a prefix of the writes: no gaps
      expect(speakers.length).toBeGreaterThanOrEqual(before.writtenBeforeBackup);
      for (const n of speakers) {
        const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: `writer/${n}` }));
        expect(await got.Body!.transformToString()).toBe(`writer/${n}`);
      }

      const events = engine.all<{ id: string }>("SELECT id FROM events WHERE name = 'w'");
      const keys = engine.all<{ key: string }>("SELECT key FROM dedupe_keys");
      expect(events.length).toBeGreaterThan(0);
      expect(keys.length).toBe(events.length);
      expect(engine.get("SELECT id FROM events WHERE internal_id = 'fixture'")).toEqual({
        id: "e1",
      });
    } finally {
      engine.close();
      s3.destroy();
      await db.$disconnect();
    }
  });

  it("backs up a stopped Selah too, opening its data itself", async () => {
    const { stdout } = await cli("scripts/backup.ts", sourceDir, [
      path.join(workDir, "stopped.tgz"),
    ]);
    expect(stdout).toMatch(/Database: \d+ tables/);
    expect(stdout).not.toMatch(/kept running/);
    const again = await cli("scripts/backup.ts", sourceDir, [
      path.join(workDir, "stopped.tgz"),
    ]).catch((error: { stderr: string }) => error);
    expect((again as { stderr: string }).stderr).toMatch(/exists; choose another name/);
  });

  it("refuses to restore into a data dir that is not empty", async () => {
    const failed = await cli("scripts/restore.ts", restoredDir, [archive]).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed).toMatchObject({ code: expect.any(Number) });
    expect((failed as { stderr: string }).stderr).toMatch(/is not empty/);
  });

  it("refuses a damaged archive and leaves the data dir untouched", async () => {
    const unpacked = path.join(workDir, "unpacked");
    mkdirSync(unpacked);
    await extract({ file: archive, cwd: unpacked });
    const church = path.join(unpacked, "database", "Church.ndjson");
    await writeFile(church, (await readFile(church, "utf8")).replace("Grace", "Evil!"));
    const damaged = path.join(workDir, "damaged.tgz");
    await create({ file: damaged, gzip: true, cwd: unpacked }, readdirSync(unpacked));
    const target = path.join(workDir, "never");
    await expect(restoreBackup(damaged, target)).rejects.toThrow(
      /database\/Church.ndjson does not match its checksum/,
    );
    expect(existsSync(target)).toBe(false);

    const sneaky = path.join(workDir, "sneaky.tgz");
    const writer = new TarGzWriter(sneaky);
    await writer.add("secrets/../../escape", 1, Buffer.from("x"));
    await writer.close();
    await expect(restoreBackup(sneaky, target)).rejects.toThrow(/unexpected entry/);
    expect(existsSync(path.join(workDir, "escape"))).toBe(false);

    await writeFile(path.join(workDir, "not-a-backup.tgz"), "hello");
    await expect(restoreBackup(path.join(workDir, "not-a-backup.tgz"), target)).rejects.toThrow(
      /not a usable Selah backup/,
    );
    expect(existsSync(target)).toBe(false);
  });
});
