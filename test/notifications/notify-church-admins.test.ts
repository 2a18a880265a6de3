/**
 * Notifications (issue 17): a church's owners and admins get an email when a sermon is ready or
 * has failed. Real pieces throughout: PGlite, the app's `notify-church-admins` function served
 * by the real SDK in signed mode to engine/, nodemailer writing .eml files into the mailbox
 * folder, mailparser reading them back as the operator page does.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEngine, type RunningEngine } from "@/engine/src/engine";
import { mailboxDir, mailEnvSchema, mailSettings } from "@/lib/platform/config/mail-env";
import { InvalidEnvError, parseEnv } from "@/lib/platform/config/parse-env";
import { serverEnvSchema } from "@/lib/platform/config/server-env";
import { createAdmin } from "@/lib/platform/auth/create-admin";
import type { Db } from "@/lib/platform/db/client";
import { createMailer } from "@/lib/platform/mail/mailer";
import { listMailbox, readMailboxMessage } from "@/lib/platform/mail/mailbox";
import { sermonFailed, sermonIndexed } from "@/lib/pipeline/events/pipeline-events";
import { notifyChurchAdmins } from "@/lib/pipeline/notifications/notify-church-admins";
import { engineClient } from "@/lib/pipeline/operations/workflow-engine";
import { listWorkflowRuns } from "@/lib/pipeline/operations/workflow-runs";
import { startChurchDatabase, type ChurchDatabase } from "@/test/support/church-database";
import { signedAppEnv, testInngestKeys } from "@/test/support/inngest-keys";
import { startSmtpSink } from "@/test/support/smtp-sink";

const ORIGIN = "https://sermons.grace.example";
let church: ChurchDatabase;
let db: Db;
let dataDir: string;
let engineDir: string;
let engine: RunningEngine;
let server: Server;
let sermonId: string;
let otherSermonId: string;

const mailbox = () => mailboxDir({ SELAH_DATA_DIR: dataDir });
const files = () => {
  try {
    return readdirSync(mailbox()).filter((name) => name.endsWith(".eml"));
  } catch {
    return [];
  }
};
async function waitFor<T>(read: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  church = await startChurchDatabase("grace", 4);
  db = church.db;
  dataDir = mkdtempSync(path.join(tmpdir(), "selah-mail-"));
  await db.church.update({ where: { id: church.churchId }, data: { name: "Grace Chapel" } });
  // Owners and admins are told; editors and other churches' admins are not.
  for (const [email, role] of [
    ["owner@grace.example", "owner"],
    ["admin@grace.example", "admin"],
    ["editor@grace.example", "editor"],
  ] as const)
    await createAdmin(db, { email, password: "a-long-password", churchSlug: "grace", role });
  await createAdmin(db, {
    email: "owner@other.example",
    password: "a-long-password",
    churchSlug: "other",
    role: "owner",
  });
  const sermon = (slug: string, title: string) =>
    db.sermon.create({
      data: { churchId: church.churchId, slug, title, status: "searchable", mediaVersion: 2 },
    });
  sermonId = (await sermon("living-hope", "Living Hope <1 Pet 1>")).id;
  otherSermonId = (await sermon("grace-and-peace", "Grace and Peace")).id;

  // The app's environment, then its Inngest client and function, served as /api/inngest serves them.
  engineDir = mkdtempSync(path.join(tmpdir(), "selah-mail-engine-"));
  engine = await startEngine({
    port: 0,
    dataDir: engineDir,
    logLevel: "error",
    syncIntervalMs: 0,
    backoffScale: 0.001,
    signingKey: testInngestKeys.signingKey,
    eventKeys: [testInngestKeys.eventKey],
  });
  Object.assign(process.env, {
    ...signedAppEnv(engine.url),
    DATABASE_URL: church.services.database.url,
    SELAH_DATA_DIR: dataDir,
    BETTER_AUTH_URL: ORIGIN,
  });
  delete process.env.INNGEST_DEV;
  const { serve } = await import("inngest/node");
  const { inngest } = await import("@/inngest/client");
  const { notifyChurchAdminsFunction } = await import("@/inngest/functions/notify-church-admins");
  const handler = serve({ client: inngest, functions: [notifyChurchAdminsFunction] });
  server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/inngest`;
  const sync = await fetch(`${engine.url}/v1/sync`, {
    method: "POST",
    headers: { authorization: `Bearer ${testInngestKeys.signingKey}` },
    body: JSON.stringify({ url: appUrl }),
  });
  expect(sync.status, await sync.clone().text()).toBe(200);
}, 120_000);

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await engine?.stop();
  await church?.stop();
  for (const dir of [dataDir, engineDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const send = (events: unknown[]) =>
  fetch(`${engine.url}/e/${testInngestKeys.eventKey}`, {
    method: "POST",
    body: JSON.stringify(events),
  }).then((response) => expect(response.status).toBe(200));

describe("notify-church-admins, through the engine", () => {
  it("a ready sermon: one email to the church's owners and admins, with a link to it", async () => {
    const event = sermonIndexed.build({
      sermonId,
      churchId: church.churchId,
      mediaVersion: 2,
      chunkCount: 12,
    });
    await send([{ ...event, ts: Date.now() }]);
    const [file] = await waitFor(() => (files().length ? files() : undefined));
    expect(file).toBe(`sermon-indexed_${sermonId}_v2.eml`);
    const message = await readMailboxMessage(mailbox(), file!);
    expect(message.subject).toBe("“Living Hope <1 Pet 1>” is ready — Grace Chapel");
    expect(message.to).toBe("admin@grace.example, owner@grace.example");
    expect(message.from).toMatch(/^"?Selah"? <selah@localhost>$/);
    expect(message.text).toContain(`${ORIGIN}/admin/grace/sermons/${sermonId}`);
    expect(message.text).toContain("listeners can play it and find it in search");
  });

  it("a failed sermon: the stage and the reason; a redelivered event sends nothing more", async () => {
    const event = sermonFailed.build({
      sermonId: otherSermonId,
      churchId: church.churchId,
      mediaVersion: 2,
      stage: "transcribe",
      reason: "Deepgram answered 401: the API key was refused.",
    });
    // Delivered three times (a redrive, a worker retry): one run, one email.
    for (let i = 0; i < 3; i++) await send([{ ...event, ts: Date.now() }]);
    const name = `sermon-failed_${otherSermonId}_v2_transcribe.eml`;
    await waitFor(() => (files().includes(name) ? true : undefined));
    const message = await readMailboxMessage(mailbox(), name);
    expect(message.subject).toBe("“Grace and Peace” could not be processed — Grace Chapel");
    expect(message.text).toContain("stopped at: Transcription.");
    expect(message.text).toContain("Why: Deepgram answered 401: the API key was refused.");
    expect(message.text).toContain("press Retry");
    expect(message.to).not.toContain("editor@grace.example");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(files().sort()).toEqual([`sermon-indexed_${sermonId}_v2.eml`, name].sort());
    const listed = await listMailbox(mailbox());
    expect(listed[0]!.name).toBe(name); // newest first
  });

  it("the jobs view lists the runs with their function, steps, timings and sermon", async () => {
    const page = await listWorkflowRuns(engineClient(process.env as never), { limit: 10 }, db);
    const ours = page.runs.filter((run) => run.functionId.endsWith("notify-church-admins"));
    expect(ours).toHaveLength(2);
    for (const run of ours) {
      expect(run.status).toBe("Completed");
      expect(run.functionName).toBe("Email a church's admins that a sermon is ready or failed");
      expect(run.steps.map((step) => step.name)).toEqual(["Email the church's owners and admins"]);
      expect(run.steps[0]!.durationMs).toBeGreaterThanOrEqual(0);
      expect(run.startedAt!.getTime()).toBeLessThanOrEqual(run.endedAt!.getTime());
    }
    expect(ours.map((run) => run.sermon?.title).sort()).toEqual([
      "Grace and Peace",
      "Living Hope <1 Pet 1>",
    ]);
    const filtered = await listWorkflowRuns(
      engineClient(process.env as never),
      { status: "Failed" },
      db,
    );
    expect(filtered.runs).toEqual([]);
  });
});

describe("notifyChurchAdmins", () => {
  const mailer = () =>
    createMailer(mailSettings(parseEnv(mailEnvSchema, { SELAH_DATA_DIR: dataDir })));

  it("announces nothing for a version a newer upload replaced", async () => {
    const before = files().length;
    const result = await notifyChurchAdmins({ db, mailer: mailer(), origin: ORIGIN }, "stale", {
      kind: "ready",
      sermonId,
      churchId: church.churchId,
      mediaVersion: 1,
    });
    expect(result).toEqual({ sent: false, why: "superseded" });
    expect(files()).toHaveLength(before);
  });

  it("writes one file per notification id, however often it is sent", async () => {
    const deps = { db, mailer: mailer(), origin: ORIGIN };
    const outcome = {
      kind: "ready" as const,
      sermonId,
      churchId: church.churchId,
      mediaVersion: 2,
    };
    const first = await notifyChurchAdmins(deps, "same-id", outcome);
    const again = await notifyChurchAdmins(deps, "same-id", outcome);
    expect(first).toMatchObject({ sent: true, recipients: 2, outcome: { alreadyThere: false } });
    expect(again).toMatchObject({ sent: true, outcome: { alreadyThere: true } });
    expect(files().filter((name) => name === "same-id.eml")).toHaveLength(1);
  });
});

describe("through an SMTP server", () => {
  it("delivers the same message to each owner and admin, with a Message-ID stable per notification", async () => {
    const sink = await startSmtpSink();
    try {
      const settings = mailSettings(
        parseEnv(mailEnvSchema, { SMTP_URL: sink.url, MAIL_FROM: "Selah <sermons@grace.example>" }),
      );
      const deps = { db, mailer: createMailer(settings), origin: ORIGIN };
      const outcome = {
        kind: "failed" as const,
        sermonId,
        churchId: church.churchId,
        mediaVersion: 2,
        stage: "index" as const,
        reason: "The embedder timed out.",
      };
      const result = await notifyChurchAdmins(deps, "smtp-failure", outcome);
      expect(result).toMatchObject({ sent: true, recipients: 2, outcome: { sentBy: "smtp" } });
      await notifyChurchAdmins(deps, "smtp-failure", outcome);
      expect(sink.messages).toHaveLength(2);
      const [first, second] = sink.messages;
      expect(first!.from).toBe("sermons@grace.example");
      expect(first!.to).toEqual(["admin@grace.example", "owner@grace.example"]);
      const parsed = await simpleParser(first!.data);
      expect(parsed.subject).toBe("“Living Hope <1 Pet 1>” could not be processed — Grace Chapel");
      expect(parsed.text).toContain("Why: The embedder timed out.");
      expect(parsed.html).toContain("The embedder timed out.");
      // SMTP has no memory of its own: a repeat is told apart by its Message-ID.
      const messageId = (data: string) => /^Message-ID: (.*)$/im.exec(data)?.[1];
      expect(messageId(first!.data)).toMatch(/^<[0-9a-f]{32}@selah\.notifications>$/);
      expect(messageId(second!.data)).toBe(messageId(first!.data));
    } finally {
      await sink.stop();
    }
  });
});

describe("SMTP settings", () => {
  const base = {
    DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/selah",
    BETTER_AUTH_SECRET: "s".repeat(40),
    SQS_QUEUE_URL: "http://127.0.0.1:4566/000000000000/events",
    SQS_DLQ_URL: "http://127.0.0.1:4566/000000000000/events-dlq",
    INNGEST_DEV: "1",
  };
  const problems = (env: Record<string, string>) => {
    try {
      parseEnv(serverEnvSchema, { ...base, ...env });
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidEnvError);
      return (error as InvalidEnvError).problems;
    }
    return [];
  };

  it("refuses a bad configuration at start-up, naming the variable and never the password", () => {
    expect(problems({ SMTP_URL: "http://mail.example.org", MAIL_FROM: "s@x.example" })).toEqual([
      expect.stringMatching(/^SMTP_URL: expected smtp:\/\/user:password@host:587/),
    ]);
    const withSecret = problems({
      SMTP_URL: "smtp://ops:hunter2-secret@mail.example.org:587",
    });
    expect(withSecret).toEqual([
      expect.stringMatching(/^MAIL_FROM: is required with an SMTP server/),
    ]);
    expect(
      problems({ SMTP_HOST: "mail.example.org", SMTP_USER: "ops", MAIL_FROM: "a@b.example" }),
    ).toEqual(["SMTP_PASSWORD: SMTP_USER and SMTP_PASSWORD go together"]);
    const badPort = problems({
      SMTP_HOST: "mail.example.org",
      SMTP_PORT: "99999",
      SMTP_PASSWORD: "hunter2-secret",
      SMTP_USER: "ops",
      MAIL_FROM: "not an address",
    });
    expect(badPort.join("\n")).toMatch(/SMTP_PORT: expected 1 to 65535/);
    expect(badPort.join("\n")).toMatch(/MAIL_FROM: expected an address/);
    expect(problems({ SMTP_PASSWORD: "hunter2-secret" })).toEqual([
      'SMTP_PASSWORD: only means something with SMTP_HOST (got "<redacted>")',
    ]);
    for (const list of [withSecret, badPort]) expect(list.join("\n")).not.toContain("hunter2");
  });

  it("takes a good one, and without any the mailbox folder under SELAH_DATA_DIR", () => {
    expect(
      problems({
        SMTP_URL: "smtps://ops:pw@mail.example.org:465",
        MAIL_FROM: "Selah <s@x.example>",
      }),
    ).toEqual([]);
    const smtp = mailSettings(
      parseEnv(mailEnvSchema, {
        SMTP_HOST: "mail.example.org",
        SMTP_PORT: "587",
        SMTP_USER: "ops",
        SMTP_PASSWORD: "pw",
        MAIL_FROM: "Selah <s@x.example>",
      }),
    );
    expect(smtp).toMatchObject({
      kind: "smtp",
      smtp: { host: "mail.example.org", port: 587, auth: { user: "ops", pass: "pw" } },
      description: "SMTP server mail.example.org:587",
    });
    expect(mailSettings(parseEnv(mailEnvSchema, { SELAH_DATA_DIR: "/srv/selah" }))).toMatchObject({
      kind: "mailbox",
      dir: "/srv/selah/mailbox",
    });
  });
});
