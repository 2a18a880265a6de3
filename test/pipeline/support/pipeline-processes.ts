import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import readline from "node:readline";
import { expect } from "vitest";
import {
  sermonTranscribed,
  sermonTranscriptionRequested,
  sermonUploaded,
} from "@/lib/pipeline/events/pipeline-events";
import { publishEvent } from "@/lib/pipeline/events/publish-event";
import type { Db } from "@/lib/platform/db/client";
import { mediaStorage } from "@/lib/platform/storage/media-storage";
import { uploadFile } from "@/lib/platform/storage/upload-file";
import { databaseUrlFor } from "@/scripts/launcher/embedded-urls";
import { engineGet, waitUntil } from "@/test/events/support/event-path";
import { testInngestKeys } from "@/test/support/inngest-keys";
import { generateMedia } from "@/test/support/test-media";
import { ensureBucket } from "@/lib/platform/storage/ensure-bucket";

// The pipeline's processes as `npm start` runs them (scripts/launcher/start-selah.ts): each
// entry its own Node process through tsx, with exit-when-orphaned preloaded, in its own
// process group, so tests can SIGKILL one for real and start it again on the same port.

export type ChildEntry = {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: string[];
};

const exitWhenOrphaned = path.resolve("scripts/launcher/exit-when-orphaned.mjs");

/** Runs `entry` like the launcher does; resolves once a line of its output matches `ready`. */
async function spawnEntry(
  name: string,
  entry: string,
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  timeoutMs = 30_000,
): Promise<ChildEntry> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--import", exitWhenOrphaned, path.resolve(entry)],
    { env, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  const output: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} did not start:\n${output.join("\n")}`)),
      timeoutMs,
    );
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream }).on("line", (line) => {
        output.push(line);
        if (ready.test(line)) {
          clearTimeout(timer);
          resolve();
        }
      });
    }
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${name} exited during start:\n${output.join("\n")}`));
    });
  });
  return { child, exited, output };
}

/** `engine/main.ts`, signed as under `npm start`, with its retry backoff scaled down. */
export function spawnEngine(
  port: number,
  dataDir: string,
  appUrl: string,
  options: { backoffScale?: number } = {},
): Promise<ChildEntry> {
  return spawnEntry(
    "engine",
    "engine/main.ts",
    {
      ...process.env,
      ENGINE_PORT: String(port),
      ENGINE_HOST: "127.0.0.1",
      ENGINE_DATA_DIR: dataDir,
      ENGINE_APP_URLS: appUrl,
      ENGINE_BACKOFF_SCALE: String(options.backoffScale ?? 0.001),
      ENGINE_LOG_LEVEL: "error",
      INNGEST_SIGNING_KEY: testInngestKeys.signingKey,
      INNGEST_SIGNING_KEY_FALLBACK: undefined,
      INNGEST_EVENT_KEY: testInngestKeys.eventKey,
    },
    /engine listening on/,
  );
}

/**
 * The app's Inngest functions (`test/support/serve-functions.ts`: what the web app serves at
 * /api/inngest) on `port`, configured by `env` as the web app is.
 */
export async function spawnFunctions(
  port: number,
  env: Record<string, string | undefined>,
): Promise<ChildEntry & { url: string }> {
  const entry = await spawnEntry(
    "functions",
    "test/support/serve-functions.ts",
    { ...process.env, ...env, FUNCTIONS_PORT: String(port) },
    /functions listening on/,
  );
  return { ...entry, url: `http://127.0.0.1:${port}/api/inngest` };
}

/** The embedded database's own entry (`scripts/launcher/embedded-database.ts`) on `dataDir`. */
export async function spawnDatabase(
  dataDir: string,
  port: number,
): Promise<ChildEntry & { url: string }> {
  const entry = await spawnEntry(
    "database",
    "scripts/launcher/embedded-database.ts",
    { ...process.env, PGLITE_DIR: dataDir, PGLITE_PORT: String(port) },
    /database ready on port/,
    60_000,
  );
  return { ...entry, url: databaseUrlFor(port) };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** SIGKILL, the process only (a crash): whatever it spawned is left to itself. */
export async function sigkill(target: Pick<ChildEntry, "child" | "exited">): Promise<void> {
  target.child.kill("SIGKILL");
  await target.exited;
}

export type GroupMember = { pid: number; command: string };

/** The live processes in `target`'s process group (it leads one): itself and what it spawned. */
export function processGroupOf(target: Pick<ChildEntry, "child">): GroupMember[] {
  const group = target.child.pid;
  const found: GroupMember[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The fields after "(comm)": state, ppid, pgrp. A zombie has ended (its parent died).
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(pgrp) !== group || state === "Z") continue;
      const command = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" ");
      found.push({ pid: Number(entry), command: command.trim() });
    } catch {
      // Gone meanwhile.
    }
  }
  return found;
}

/** SIGKILL to whatever is left of `target`'s process group, as the launcher does after a crash. */
export function sigkillGroup(target: Pick<ChildEntry, "child"> | undefined): void {
  if (!target?.child.pid) return;
  try {
    process.kill(-target.child.pid, "SIGKILL");
  } catch {
    // Nothing left of it.
  }
}

/** SIGTERM and wait: the process's own clean shutdown. */
export async function stopGracefully(target: ChildEntry | undefined): Promise<void> {
  if (!target || target.child.exitCode !== null || target.child.signalCode !== null) return;
  target.child.kill("SIGTERM");
  const timer = setTimeout(() => target.child.kill("SIGKILL"), 20_000);
  await target.exited;
  clearTimeout(timer);
}

export type EngineRun = { run_id: string; status: string };

/** The engine's runs of the event `eventId`, through its REST API. */
export async function runsOf(
  engineUrl: string,
  eventId: string,
  eventName: string,
): Promise<EngineRun[]> {
  const events = (await (
    await engineGet(`${engineUrl}/v1/events?limit=1000&name=${encodeURIComponent(eventName)}`)
  ).json()) as { data: { internal_id: string; id?: string }[] };
  const runs: EngineRun[] = [];
  for (const event of events.data.filter((e) => e.id === eventId)) {
    const body = (await (
      await engineGet(`${engineUrl}/v1/events/${event.internal_id}/runs`)
    ).json()) as { data: EngineRun[] };
    runs.push(...body.data);
  }
  return runs;
}

/** An MP3 of `seconds`: a tone, 8 s on and 2 s off, so there is silence to cut at. */
export function generateSermonAudio(dir: string, seconds: number): Promise<string> {
  return generateMedia(dir, "sermon.mp3", [
    ...["-f", "lavfi", "-i", `sine=frequency=220:sample_rate=44100:duration=${seconds}`],
    ...["-af", "volume='if(lt(mod(t,10),8),0.5,0)':eval=frame"],
    ...["-c:a", "libmp3lame", "-b:a", "96k"],
  ]);
}

/** Polls `check` like waitUntil, counting a thrown error (the database is down) as "not yet". */
export function untilReachable(check: () => Promise<boolean>): () => Promise<boolean> {
  return () => check().catch(() => false);
}

/**
 * A church's sermon mid-processing whose original (`audioPath`) is in storage, and its
 * `sermon/uploaded` published through the outbox as the upload's completion does. Returns the
 * event ids of its three stages, for `expectEachStageRanOnce`.
 */
export async function uploadSermon(db: Db, audioPath: string, slug: string) {
  const church = await db.church.create({
    data: { slug: `${slug}-church`, name: `${slug} church` },
  });
  const sermon = await db.sermon.create({
    data: {
      churchId: church.id,
      slug,
      title: slug,
      status: "processing",
      publishState: "published",
      mediaVersion: 1,
    },
  });
  const storage = mediaStorage();
  const objectKey = `churches/${church.id}/sermons/${sermon.id}/v1/original/sermon.mp3`;
  await uploadFile(storage.s3, storage.bucket, objectKey, audioPath, "application/octet-stream");
  const version = { sermonId: sermon.id, churchId: church.id, mediaVersion: 1 };
  const uploaded = sermonUploaded.build({ ...version, objectKey });
  await db.$transaction((tx) => publishEvent(tx, uploaded));
  const stages: StageEvent[] = [
    { id: uploaded.id, name: sermonUploaded.name },
    { id: sermonTranscriptionRequested.build(version).id, name: sermonTranscriptionRequested.name },
    { id: `sermon-transcribed:${sermon.id}:v1`, name: sermonTranscribed.name },
  ];
  return { sermon, stages, read: () => db.sermon.findUniqueOrThrow({ where: { id: sermon.id } }) };
}

export type StageEvent = { id: string; name: string };

/** Every stage ran once, to completion, whatever it took in step retries; none started twice. */
export async function expectEachStageRanOnce(
  engineUrl: string,
  stages: StageEvent[],
): Promise<void> {
  for (const stage of stages) {
    await waitUntil(
      async () =>
        (await runsOf(engineUrl, stage.id, stage.name)).some((run) => run.status === "Completed"),
      30_000,
      () => `the run of ${stage.id} to complete`,
    );
  }
  // Late redeliveries (SQS is at-least-once) would show by now.
  await sleep(2000);
  for (const stage of stages) {
    const runs = await runsOf(engineUrl, stage.id, stage.name);
    expect(
      runs.map((run) => run.status),
      stage.id,
    ).toEqual(["Completed"]);
  }
}

/** No event lost: every row the pipeline wrote went out, the stages' among them, and none failed. */
export async function expectEveryEventSent(db: Db, stages: StageEvent[]): Promise<void> {
  await waitUntil(
    untilReachable(async () => (await db.outbox.count({ where: { sentAt: null } })) === 0),
    30_000,
    () => "every outbox row sent",
  );
  const rows = await db.outbox.findMany({ orderBy: { eventId: "asc" } });
  expect(rows.map((row) => row.eventId)).toEqual(
    expect.arrayContaining(stages.map((stage) => stage.id)),
  );
  expect(rows.filter((row) => row.name === "sermon/failed")).toEqual([]);
}

/**
 * Sets (or, for undefined, removes) `env` in this process, so that it reaches storage and the
 * engine as the functions' processes do; returns the media storage with its bucket made.
 */
export async function useAppEnv(env: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  const storage = mediaStorage();
  await ensureBucket(storage.s3, storage.bucket);
  return storage;
}
