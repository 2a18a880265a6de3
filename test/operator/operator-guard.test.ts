/**
 * The operator role (issue 17): every operator page and server action lets operators in and
 * nobody else — no session, or a church owner, who is refused as if the page did not exist —
 * and a refused action changes nothing. Driven as test/tenancy/admin-isolation.test.ts drives
 * the admin's: the real exported actions, real better-auth sessions, PGlite, fauxqs and a real
 * engine; only Next's request context (`next/headers`, revalidation) is stood in for. The last
 * test enumerates the operator actions from the filesystem and fails for any without cases.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SendMessageCommand } from "@aws-sdk/client-sqs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as deadLetterActions from "@/app/operator/dead-letters/actions";
import * as jobActions from "@/app/operator/jobs/actions";
import { requireOperatorPage } from "@/app/operator/_lib/operator-session";
import { ORIGIN, signInAccount } from "@/test/support/auth-session";
import { startEngine } from "@/engine/src/engine";
import { createAdmin, createOperator } from "@/lib/platform/auth/create-admin";
import { authorizeOperator, OperatorRequiredError } from "@/lib/platform/auth/operator-access";
import { getDb } from "@/lib/platform/db/client";
import { ensureQueues, type QueueUrls } from "@/lib/platform/queue/ensure-queues";
import { readQueueDepths } from "@/lib/platform/queue/queue-depths";
import { createSqsClient } from "@/lib/platform/queue/sqs-client";
import type { FormResult } from "@/lib/platform/validation/form-result";
import { startTestServices, testAwsEnv, type TestServices } from "@/test/support/embedded-services";
import { actionKey, adminServerActions, OPERATOR_ACTION_DIRS } from "@/test/tenancy/admin-surface";

const nextRequest = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/headers")>()),
  headers: async () => nextRequest.headers,
}));
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
}));

type Caller = { name: string; cookie: string };
let services: TestServices;
let engine: Awaited<ReturnType<typeof startEngine>>;
let engineDir: string;
let queues: QueueUrls;
let sqs: ReturnType<typeof createSqsClient>;
const callers = {} as Record<"anonymous" | "churchOwner" | "operator", Caller>;
let churchId: string;
let operatorId: string;
let ownerId: string;

const as = (caller: Caller) => {
  nextRequest.headers = new Headers(caller.cookie ? { cookie: caller.cookie } : {});
};

type Action = (previous: FormResult | null, data: FormData) => Promise<FormResult>;
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};
const call = (caller: Caller, action: Action, fields: Record<string, string>) => {
  as(caller);
  return action(null, form(fields));
};

const dlqCount = async () => {
  const { deadLetter } = await readQueueDepths(sqs, queues);
  return deadLetter.waiting + deadLetter.inFlight;
};
const deadLetter = async (body = '{"id":"e1","name":"sermon/uploaded","data":{}}') =>
  (
    await sqs.send(
      new SendMessageCommand({ QueueUrl: queues.deadLetterQueueUrl, MessageBody: body }),
    )
  ).MessageId!;
const failedSermon = async (slug: string) =>
  (
    await getDb().sermon.create({
      data: {
        churchId,
        slug,
        title: slug,
        status: "failed",
        mediaVersion: 1,
        failedStage: "transcribe",
        failureReason: "The transcriber was down.",
      },
    })
  ).id;
const sermonStatus = async (id: string) =>
  (await getDb().sermon.findUniqueOrThrow({ where: { id } })).status;

beforeAll(async () => {
  services = await startTestServices();
  engineDir = mkdtempSync(path.join(tmpdir(), "selah-operator-engine-"));
  engine = await startEngine({ port: 0, dataDir: engineDir, logLevel: "silent" });
  const aws = testAwsEnv(services.aws.endpoint);
  sqs = createSqsClient(aws);
  queues = await ensureQueues(sqs, {
    mainQueueName: "events",
    deadLetterQueueName: "events-dlq",
    maxReceiveCount: 5,
    visibilityTimeoutSeconds: 60,
  });
  Object.assign(process.env, {
    DATABASE_URL: services.database.url,
    BETTER_AUTH_SECRET: "s".repeat(40),
    BETTER_AUTH_URL: ORIGIN,
    AWS_REGION: aws.AWS_REGION,
    S3_ENDPOINT: aws.S3_ENDPOINT,
    SQS_ENDPOINT: aws.SQS_ENDPOINT,
    S3_FORCE_PATH_STYLE: "true",
    SQS_QUEUE_URL: queues.mainQueueUrl,
    SQS_DLQ_URL: queues.deadLetterQueueUrl,
    INNGEST_DEV: engine.url,
    SELAH_DATA_DIR: services.dir,
  });
  const owner = await createAdmin(getDb(), {
    email: "owner@grace.example",
    password: "owner-password",
    churchSlug: "grace",
    role: "owner",
  });
  churchId = owner.churchId;
  ownerId = owner.userId;
  operatorId = (
    await createOperator(getDb(), { email: "ops@selah.example", password: "operator-password" })
  ).userId;
  callers.anonymous = { name: "no session", cookie: "" };
  callers.churchOwner = {
    name: "a church owner",
    cookie: (await signInAccount("owner@grace.example", "owner-password")).cookie,
  };
  callers.operator = {
    name: "an operator",
    cookie: (await signInAccount("ops@selah.example", "operator-password")).cookie,
  };
}, 120_000);

afterAll(async () => {
  sqs?.destroy();
  await engine?.stop();
  await services?.stop();
  rmSync(engineDir, { recursive: true, force: true });
});

describe("the operator role", () => {
  it("is its own flag: an operator is no church's admin, a church owner no operator", async () => {
    await expect(authorizeOperator(getDb(), operatorId)).resolves.toEqual({ userId: operatorId });
    await expect(authorizeOperator(getDb(), ownerId)).rejects.toBeInstanceOf(OperatorRequiredError);
    expect(await getDb().membership.count({ where: { userId: operatorId } })).toBe(0);
  });

  it("operator pages send anonymous visitors to sign-in and answer 404 to church admins", async () => {
    as(callers.anonymous);
    await expect(requireOperatorPage("/operator/jobs")).rejects.toMatchObject({
      digest: expect.stringMatching(/^NEXT_REDIRECT;.*\/admin\/sign-in\?next=%2Foperator%2Fjobs/),
    });
    as(callers.churchOwner);
    await expect(requireOperatorPage()).rejects.toMatchObject({
      digest: "NEXT_HTTP_ERROR_FALLBACK;404",
    });
    as(callers.operator);
    await expect(requireOperatorPage()).resolves.toMatchObject({ email: "ops@selah.example" });
  });
});

type Case = {
  file: string;
  name: string;
  action: Action;
  /** Makes what the action works on; returns its fields and a check that nothing changed. */
  arrange: () => Promise<{ fields: Record<string, string>; unchanged: () => Promise<void> }>;
  /** The operator's own call succeeds (or reaches the engine, for a run that does not exist). */
  control: (result: FormResult, fields: Record<string, string>) => Promise<void>;
};

const DEAD_LETTERS = "app/operator/dead-letters/actions.ts";
const JOBS = "app/operator/jobs/actions.ts";
const dlqUnchanged = (before: number) => async () => expect(await dlqCount()).toBe(before);

const cases: Case[] = [
  {
    file: DEAD_LETTERS,
    name: "redriveDeadLetter",
    action: deadLetterActions.redriveDeadLetter,
    arrange: async () => {
      const messageId = await deadLetter();
      return { fields: { messageId }, unchanged: dlqUnchanged(await dlqCount()) };
    },
    control: async (result) => {
      expect(result).toEqual({ ok: true, message: "Sent back to the main queue." });
    },
  },
  {
    file: DEAD_LETTERS,
    name: "redriveAllDeadLetters",
    action: deadLetterActions.redriveAllDeadLetters,
    arrange: async () => {
      await deadLetter();
      return { fields: {}, unchanged: dlqUnchanged(await dlqCount()) };
    },
    control: async (result) => {
      expect(result.ok).toBe(true);
      expect(await dlqCount()).toBe(0);
    },
  },
  {
    file: DEAD_LETTERS,
    name: "deleteDeadLetterMessage",
    action: deadLetterActions.deleteDeadLetterMessage,
    arrange: async () => {
      const messageId = await deadLetter();
      return { fields: { messageId }, unchanged: dlqUnchanged(await dlqCount()) };
    },
    control: async (result) => {
      expect(result).toEqual({ ok: true, message: "Deleted." });
      expect(await dlqCount()).toBe(0);
    },
  },
  {
    file: JOBS,
    name: "retrySermon",
    action: jobActions.retrySermon,
    arrange: async () => {
      const sermonId = await failedSermon(`failed-${Math.random().toString(36).slice(2, 8)}`);
      return {
        fields: { sermonId },
        unchanged: async () => expect(await sermonStatus(sermonId)).toBe("failed"),
      };
    },
    control: async (result, fields) => {
      expect(result.ok, result.message).toBe(true);
      expect(await sermonStatus(fields.sermonId!)).toBe("streamable");
    },
  },
  {
    file: JOBS,
    name: "cancelRun",
    action: jobActions.cancelRun,
    arrange: async () => ({ fields: { runId: "01NOSUCHRUN" }, unchanged: async () => undefined }),
    // The guard let the operator through to the engine, which knows no such run.
    control: async (result) => {
      expect(result).toEqual({ ok: false, message: "The workflow engine has no such run." });
    },
  },
];

describe("every operator action", () => {
  for (const testCase of cases) {
    it(`${testCase.name}: refused without a session and to a church owner; the operator's works`, async () => {
      const { fields, unchanged } = await testCase.arrange();
      expect(await call(callers.anonymous, testCase.action, fields)).toEqual({
        ok: false,
        message: "Your session has ended. Sign in again.",
      });
      await unchanged();
      expect(await call(callers.churchOwner, testCase.action, fields)).toEqual({
        ok: false,
        message: "This page could not be found.",
      });
      await unchanged();
      await testCase.control(await call(callers.operator, testCase.action, fields), fields);
    });
  }

  it("bad input is a refused form with a message, never a failure", async () => {
    for (const action of [
      deadLetterActions.redriveDeadLetter,
      deadLetterActions.deleteDeadLetterMessage,
      jobActions.retrySermon,
      jobActions.cancelRun,
    ]) {
      const result = await call(callers.operator, action, {
        messageId: "",
        sermonId: "",
        runId: "",
      });
      expect(result.ok).toBe(false);
      expect(result.message).toMatch(/\w/);
    }
    as(callers.operator);
    expect(
      await deadLetterActions.redriveDeadLetter(null, "not a form" as unknown as FormData),
    ).toMatchObject({ ok: false });
    expect(
      await call(callers.operator, deadLetterActions.redriveDeadLetter, {
        messageId: "no-such-id",
      }),
    ).toEqual({
      ok: false,
      message: "That message is no longer in the dead-letter queue; refresh the page.",
    });
    expect(
      await call(callers.operator, jobActions.retrySermon, { sermonId: "a\u0000b" }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { sermonId: ["That is not a sermon id."] },
    });
    expect(
      await call(callers.operator, jobActions.retrySermon, { sermonId: "no-such-sermon" }),
    ).toEqual({
      ok: false,
      message: "No such sermon.",
    });
  });
});

describe("coverage", () => {
  it("every operator server action in the code has cases above", async () => {
    const { actions, inlineActionFiles } = await adminServerActions(
      process.cwd(),
      OPERATOR_ACTION_DIRS,
    );
    const covered = cases.map((testCase) => actionKey(testCase.file, testCase.name));
    expect(
      actions.map((found) => found.key).filter((key) => !covered.includes(key)),
      "operator actions without cases: add them to this file",
    ).toEqual([]);
    expect(inlineActionFiles).toEqual([]);
    for (const testCase of cases)
      expect(
        actions.find((found) => found.key === actionKey(testCase.file, testCase.name))?.action,
      ).toBe(testCase.action);
  });
});
