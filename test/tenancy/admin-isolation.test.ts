/**
 * Tenant isolation on every admin route handler and server action (issue 5): an admin of one
 * church reads and changes nothing of another, whatever the URL, the ids or the headers say.
 *
 * How it is driven, and why this way:
 * - Route handlers are the real exported functions, given real `Request`s with a real
 *   better-auth session cookie (signed in through the real /api/auth handler). That is all Next
 *   hands a route handler. The app's proxy (proxy.ts) only adds security headers to pages and
 *   matches no route handler, so the handler's own check is the only check, and calling the
 *   handler directly shows exactly that.
 * - Server actions are the real exported functions, called with every argument a client can put
 *   in a `Next-Action` POST, the church slug included: `.bind(null, slug)` arguments go to the
 *   browser and come back in the request, so they are the attacker's to choose. Only Next's
 *   request context is stood in for: `next/headers` answers with this request's headers (the
 *   real session cookie better-auth checks against the database), and `revalidatePath` and
 *   `revalidateTag` (the listener cache's tags), which need Next's incremental cache, are
 *   recorded instead of performed.
 * - Everything else is real: PGlite, fauxqs (S3 and SQS), better-auth, Prisma, the lib code.
 * Serving a Next build would add minutes on the shared machine and no check the handlers do
 * not already make; e2e/admin.spec.ts shows the real server refusing pages and the session API
 * to requests that carry x-middleware-subrequest.
 *
 * Every request below that should be refused is checked for its answer (the same as for ids
 * or a church that do not exist, so nothing of the other church is revealed) and for leaving
 * every table and the media bucket exactly as they were. Each route and action also has a
 * control: the least privileged member allowed succeeds on their own church's records, so a
 * refusal is never just a malformed request. The last test enumerates route handlers and
 * actions from the filesystem and fails for any that has no cases here.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { AbortMultipartUploadCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { SendMessageCommand } from "@aws-sdk/client-sqs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as importActions from "@/app/admin/[church]/import/actions";
import * as sermonActions from "@/app/admin/[church]/sermons/actions";
import * as transcriptActions from "@/app/admin/[church]/sermons/[sermonId]/transcript/actions";
import * as chapterActions from "@/app/admin/[church]/sermons/[sermonId]/actions";
import * as seriesActions from "@/app/admin/[church]/series/actions";
import * as settingsActions from "@/app/admin/[church]/settings/actions";
import * as speakerActions from "@/app/admin/[church]/speakers/actions";
import * as signInActions from "@/app/admin/sign-in/actions";
import * as sermonsRoute from "@/app/api/admin/churches/[church]/sermons/route";
import * as sermonRoute from "@/app/api/admin/churches/[church]/sermons/[sermonId]/route";
import * as transcriptRoute from "@/app/api/admin/churches/[church]/sermons/[sermonId]/transcript/route";
import * as retryRoute from "@/app/api/admin/churches/[church]/sermons/[sermonId]/retry/route";
import * as uploadsRoute from "@/app/api/admin/churches/[church]/sermons/[sermonId]/uploads/route";
import * as uploadRoute from "@/app/api/admin/churches/[church]/sermons/[sermonId]/uploads/[uploadId]/route";
import * as completeRoute from "@/app/api/admin/churches/[church]/sermons/[sermonId]/uploads/[uploadId]/complete/route";
import * as partsRoute from "@/app/api/admin/churches/[church]/sermons/[sermonId]/uploads/[uploadId]/parts/route";
import * as insightsCsvRoute from "@/app/api/admin/churches/[church]/insights.csv/route";
import * as dlqRoute from "@/app/api/admin/dlq/route";
import * as dlqMessageRoute from "@/app/api/admin/dlq/[messageId]/route";
import * as redriveRoute from "@/app/api/admin/dlq/redrive/route";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { ORIGIN, signInAccount } from "@/test/support/auth-session";
import { createAdmin } from "@/lib/platform/auth/create-admin";
import { getDb } from "@/lib/platform/db/client";
import type { MembershipRole } from "@/lib/platform/db/generated/prisma/enums";
import { ensureQueues, type QueueUrls } from "@/lib/platform/queue/ensure-queues";
import { createSqsClient } from "@/lib/platform/queue/sqs-client";
import {
  CATALOG_TAG,
  churchFeedsTag,
  churchTag,
  sermonTag,
} from "@/lib/catalog/listener-cache/cache-tags";
import { saveSeries } from "@/lib/catalog/series/series";
import { saveSermon } from "@/lib/catalog/sermons/save-sermon";
import { sermonInputSchema } from "@/lib/catalog/sermons/sermon-input";
import { saveSpeaker } from "@/lib/catalog/speakers/speakers";
import { ensureBucket } from "@/lib/platform/storage/ensure-bucket";
import { createS3Client } from "@/lib/platform/storage/s3-client";
import type { FormResult } from "@/lib/platform/validation/form-result";
import { startTestServices, testAwsEnv, type TestServices } from "@/test/support/embedded-services";
import {
  actionKey,
  adminRouteHandlers,
  adminServerActions,
  type HttpMethod,
  routeKey,
} from "./admin-surface";
import { appState, isOpenInStorage } from "./app-state";

// Next's request context for server actions: this request's headers, and revalidation recorded.
const nextRequest = vi.hoisted(() => ({ headers: new Headers() }));
const revalidated = vi.hoisted(() => [] as string[]);
const expiredTags = vi.hoisted(() => [] as string[]);
vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/headers")>()),
  headers: async () => nextRequest.headers,
}));
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  revalidatePath: (path: string) => void revalidated.push(path),
  revalidateTag: (tag: string) => void expiredTags.push(tag),
}));

const BUCKET = "selah-tenancy";
const OPERATOR_TOKEN = "o".repeat(40);
// What CVE-2025-29927 used to skip middleware; harmless only if nothing relies on middleware.
const SUBREQUEST_SPOOFS = [
  "middleware",
  "middleware:middleware:middleware:middleware:middleware",
  "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
  "proxy:proxy:proxy:proxy:proxy",
];
const VTT = "WEBVTT\n\n00:00:00.000 --> 00:00:03.000\nGrace and peace to you.\n";

const ROUTES = {
  sermons: "app/api/admin/churches/[church]/sermons/route.ts",
  sermon: "app/api/admin/churches/[church]/sermons/[sermonId]/route.ts",
  transcript: "app/api/admin/churches/[church]/sermons/[sermonId]/transcript/route.ts",
  retry: "app/api/admin/churches/[church]/sermons/[sermonId]/retry/route.ts",
  uploads: "app/api/admin/churches/[church]/sermons/[sermonId]/uploads/route.ts",
  upload: "app/api/admin/churches/[church]/sermons/[sermonId]/uploads/[uploadId]/route.ts",
  parts: "app/api/admin/churches/[church]/sermons/[sermonId]/uploads/[uploadId]/parts/route.ts",
  complete:
    "app/api/admin/churches/[church]/sermons/[sermonId]/uploads/[uploadId]/complete/route.ts",
  insightsCsv: "app/api/admin/churches/[church]/insights.csv/route.ts",
  dlq: "app/api/admin/dlq/route.ts",
  dlqMessage: "app/api/admin/dlq/[messageId]/route.ts",
  redrive: "app/api/admin/dlq/redrive/route.ts",
};

type Caller = { name: string; headers: Record<string, string> };
type Church = { slug: string; id: string; sermonId: string; speakerId: string; seriesId: string };

const anonymous: Caller = { name: "no session", headers: {} };
const unauthenticated: Caller[] = [
  anonymous,
  {
    name: "a forged session cookie",
    headers: { cookie: "better-auth.session_token=forged.c2lnbmF0dXJl" },
  },
  ...SUBREQUEST_SPOOFS.map((value) => ({
    name: `no session, x-middleware-subrequest: ${value}`,
    headers: { "x-middleware-subrequest": value },
  })),
];
const spoofing = (caller: Caller): Caller => ({
  name: `${caller.name} + x-middleware-subrequest`,
  headers: { ...caller.headers, "x-middleware-subrequest": SUBREQUEST_SPOOFS[1]! },
});

let services: TestServices;
let queues: QueueUrls;
let s3: ReturnType<typeof createS3Client>;
const db = () => getDb();
// Church A is the signed-in attacker's; church B is the victim.
let A: Church;
let B: Church & {
  segmentId: string;
  chapterId: string;
  uploadId: string;
  failedSermonId: string;
  feedSourceId: string;
};
const callers = {} as Record<"aOwner" | "aAdmin" | "aEditor" | "bOwner" | "listener", Caller>;
const ROLE_BELOW: Record<MembershipRole, keyof typeof callers | null> = {
  editor: null,
  admin: "aEditor",
  owner: "aAdmin",
};
const LEAST_ALLOWED: Record<MembershipRole, keyof typeof callers> = {
  editor: "aEditor",
  admin: "aAdmin",
  owner: "aOwner",
};

/** A listener who signed up through the real /api/auth/sign-up/email: a User, no Membership. */
async function signUpListener(email: string): Promise<Caller> {
  const response = await authPost(
    new Request(`${ORIGIN}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN },
      body: JSON.stringify({ name: "A Listener", email, password: "listener-password" }),
    }),
  );
  expect(response.status, await response.clone().text()).toBe(200);
  const cookie = response.headers
    .getSetCookie()
    .map((value) => value.split(";")[0])
    .join("; ");
  return { name: "a signed-up listener", headers: { cookie } };
}

async function member(
  email: string,
  slug: string,
  role: MembershipRole,
): Promise<{ caller: Caller; churchId: string }> {
  const password = `${role}-password-${slug}`;
  const { churchId } = await createAdmin(db(), { email, password, churchSlug: slug, role });
  return {
    caller: {
      name: `${role} of ${slug}`,
      headers: { cookie: (await signInAccount(email, password)).cookie },
    },
    churchId,
  };
}

const sermonForm = (fields: Record<string, string> = {}) => ({
  title: "Hope",
  speakerId: "",
  seriesId: "",
  preachedOn: "2026-11-22",
  description: "",
  tags: "",
  scripture: "John 3:16",
  publishState: "draft",
  publishAt: "",
  ...fields,
});

async function seedChurch(slug: string, churchId: string): Promise<Church> {
  const speakerId = await saveSpeaker(db(), churchId, null, { name: `Pastor of ${slug}`, bio: "" });
  const seriesId = await saveSeries(db(), churchId, null, {
    title: `Series of ${slug}`,
    description: "",
  });
  const input = sermonInputSchema.parse(
    sermonForm({ title: `Sermon of ${slug}`, speakerId, seriesId }),
  );
  const sermonId = await saveSermon(db(), churchId, null, input);
  // As if audio had been processed once, so captions can be uploaded.
  await db().sermon.update({
    where: { id: sermonId },
    data: { mediaVersion: 1, status: "transcribed" },
  });
  return { slug, id: churchId, sermonId, speakerId, seriesId };
}

/** A sermon whose transcription failed, which a retry sends back to transcription. */
const failedSermon = async (churchId: string, slug: string) =>
  (
    await db().sermon.create({
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

const currentSegmentId = async (sermonId: string) =>
  (
    await db().transcriptSegment.findFirstOrThrow({
      where: { transcript: { sermonId, isCurrent: true } },
      orderBy: { position: "asc" },
    })
  ).id;

// ── Route handlers ─────────────────────────────────────────────────────────────────────────

type RouteHandler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;
type Ids = Record<string, string>;
type Body = { json: unknown } | { text: string };
type Answer = { status: number; body: unknown };

async function callRoute(
  file: string,
  method: HttpMethod,
  handler: RouteHandler,
  ids: Ids,
  caller: Caller,
  body?: Body,
): Promise<Answer> {
  const params = Object.fromEntries(
    [...file.matchAll(/\[(\w+)\]/g)].map(([, name]) => {
      if (ids[name!] === undefined) throw new Error(`No ${name} for ${file}`);
      return [name!, ids[name!]!];
    }),
  );
  const pathname = file
    .replace(/^app/, "")
    .replace(/\/route\.ts$/, "")
    .replace(/\[(\w+)\]/g, (_, name: string) => encodeURIComponent(params[name]!));
  const headers = new Headers(caller.headers);
  let payload: string | undefined;
  if (body && "json" in body) {
    headers.set("content-type", "application/json");
    payload = JSON.stringify(body.json);
  } else if (body) {
    headers.set("content-type", "text/vtt");
    payload = body.text;
  }
  const response = await handler(
    new Request(`${ORIGIN}${pathname}`, { method, headers, body: payload }),
    {
      params: Promise.resolve(params) as Promise<never>,
    },
  );
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** Runs requests that must all be refused and checks they changed nothing anywhere. */
async function changesNothing(requests: () => Promise<void>): Promise<void> {
  const before = await appState(db(), s3, BUCKET);
  const revalidatedBefore = revalidated.length;
  const expiredBefore = expiredTags.length;
  await requests();
  expect(await appState(db(), s3, BUCKET), "the database and the bucket are as they were").toEqual(
    before,
  );
  expect(revalidated.slice(revalidatedBefore), "nothing revalidated").toEqual([]);
  expect(expiredTags.slice(expiredBefore), "no listener cache tag expired").toEqual([]);
}

/** Listener cache tags a write of A may expire: A's pages and the home page, never B's. */
const isATag = (tag: string) =>
  tag === CATALOG_TAG ||
  tag === churchTag(A.slug) ||
  tag === churchFeedsTag(A.slug) ||
  tag.startsWith(sermonTag(A.slug, ""));

/** The same ids with B's records swapped for ones that exist nowhere. */
function madeUp(ids: Ids): Ids {
  const bIds = new Set([
    B.sermonId,
    B.speakerId,
    B.seriesId,
    B.segmentId,
    B.chapterId,
    B.uploadId,
    B.failedSermonId,
  ]);
  return Object.fromEntries(
    Object.entries(ids).map(([key, value]) => [key, bIds.has(value) ? `made-up-${key}` : value]),
  );
}

/** Starts an upload of a small WAV through the real route, as the browser's uploader does. */
async function startUploadAs(
  caller: Caller,
  church: Church,
  fileName: string,
  size = 4096,
): Promise<string> {
  const started = await callRoute(
    ROUTES.uploads,
    "POST",
    uploadsRoute.POST,
    { church: church.slug, sermonId: church.sermonId },
    caller,
    {
      json: { fileName, size },
    },
  );
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  return (started.body as { uploadId: string }).uploadId;
}

function wav(bytes: number): Uint8Array<ArrayBuffer> {
  const file = Buffer.alloc(bytes);
  file.write("RIFF", 0, "ascii");
  file.writeUInt32LE(bytes - 8, 4);
  file.write("WAVEfmt ", 8, "ascii");
  return new Uint8Array(file.buffer.slice(file.byteOffset, file.byteOffset + bytes) as ArrayBuffer);
}

type RouteCase = {
  method: HttpMethod;
  file: string;
  handler: RouteHandler;
  atLeast: MembershipRole;
  body?: Body;
  /** B's records this request would act on (B's sermon and unfinished upload unless said). */
  target?: () => Ids;
  /** How a request naming another church's record under the caller's own church is refused. */
  refusal: { status: number; code: string };
  /** B's records named under A's slug: in the URL, or in a JSON body sent instead of `body`. */
  foreign: { what: string; ids: () => Ids; json?: () => Ids }[];
  /** The least privileged member allowed succeeds on A's own records. */
  control: (caller: Caller) => Promise<void>;
};

const sermonIds = (church: Church) => ({ church: church.slug, sermonId: church.sermonId });
const bUpload = () => ({ church: B.slug, sermonId: B.sermonId, uploadId: B.uploadId });

const routeCases: RouteCase[] = [
  {
    method: "POST",
    file: ROUTES.sermons,
    handler: sermonsRoute.POST,
    atLeast: "editor",
    body: { json: { title: "Planted" } },
    target: () => ({ church: B.slug }),
    // Another church's speaker or series is answered as one that does not exist: a field error.
    refusal: { status: 422, code: "invalid_request" },
    foreign: [
      {
        what: "B's speaker",
        ids: () => ({ church: A.slug }),
        json: () => ({ title: "Planted", speakerId: B.speakerId }),
      },
      {
        what: "B's series",
        ids: () => ({ church: A.slug }),
        json: () => ({ title: "Planted", seriesId: B.seriesId }),
      },
    ],
    control: async (caller) => {
      const expiredBefore = expiredTags.length;
      const answer = await callRoute(
        ROUTES.sermons,
        "POST",
        sermonsRoute.POST,
        { church: A.slug },
        caller,
        {
          json: {
            title: "Scripted Sermon",
            speakerId: A.speakerId,
            seriesId: A.seriesId,
            scripture: "Rom 8:28",
            tags: ["hope"],
          },
        },
      );
      expect(answer, JSON.stringify(answer.body)).toEqual({
        status: 201,
        body: { id: expect.any(String), slug: "scripted-sermon" },
      });
      const { id } = answer.body as { id: string };
      expect(await db().sermon.findUniqueOrThrow({ where: { id } })).toMatchObject({
        churchId: A.id,
        slug: "scripted-sermon",
        speakerId: A.speakerId,
        seriesId: A.seriesId,
        tags: ["hope"],
        status: "draft",
        publishState: "draft",
      });
      // As the form's action: A's church pages and the home page are expired.
      expect(expiredTags.slice(expiredBefore)).toEqual([churchTag(A.slug), CATALOG_TAG]);
    },
  },
  {
    method: "GET",
    file: ROUTES.insightsCsv,
    handler: insightsCsvRoute.GET,
    atLeast: "editor",
    target: () => ({ church: B.slug }),
    // It names no record but the church: B's figures are only reachable under B's slug.
    refusal: { status: 404, code: "not_found" },
    foreign: [],
    control: async (caller) => {
      const response = await insightsCsvRoute.GET(
        new Request(`${ORIGIN}/api/admin/churches/${A.slug}/insights.csv?table=daily&days=7`, {
          headers: caller.headers,
        }),
        { params: Promise.resolve({ church: A.slug }) as Promise<never> },
      );
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain("text/csv");
      expect((await response.text()).split("\r\n")[0]).toBe(
        "day,plays,unique_listeners,feed_downloads",
      );
    },
  },
  {
    method: "GET",
    file: ROUTES.sermon,
    handler: sermonRoute.GET,
    atLeast: "editor",
    refusal: { status: 404, code: "not_found" },
    foreign: [{ what: "B's sermon", ids: () => ({ church: A.slug, sermonId: B.sermonId }) }],
    control: async (caller) => {
      const answer = await callRoute(ROUTES.sermon, "GET", sermonRoute.GET, sermonIds(A), caller);
      expect(answer).toMatchObject({ status: 200, body: { id: A.sermonId } });
    },
  },
  {
    method: "POST",
    file: ROUTES.transcript,
    handler: transcriptRoute.POST,
    atLeast: "editor",
    body: { text: VTT },
    // Answered as for a sermon with no audio yet, which is how a missing sermon is answered too.
    refusal: { status: 409, code: "no_audio_for_captions" },
    foreign: [{ what: "B's sermon", ids: () => ({ church: A.slug, sermonId: B.sermonId }) }],
    control: async (caller) => {
      const answer = await callRoute(
        ROUTES.transcript,
        "POST",
        transcriptRoute.POST,
        sermonIds(A),
        caller,
        { text: VTT },
      );
      expect(answer).toMatchObject({ status: 200, body: { format: "vtt", segmentCount: 1 } });
      const { transcriptId } = answer.body as { transcriptId: string };
      expect(
        await db().transcript.findUniqueOrThrow({ where: { id: transcriptId } }),
      ).toMatchObject({ sermonId: A.sermonId, isCurrent: true });
    },
  },
  {
    method: "POST",
    file: ROUTES.retry,
    handler: retryRoute.POST,
    atLeast: "editor",
    // B's sermon whose processing failed: a retry would change it, were it allowed.
    target: () => ({ church: B.slug, sermonId: B.failedSermonId }),
    refusal: { status: 404, code: "retry_refused" },
    foreign: [
      { what: "B's failed sermon", ids: () => ({ church: A.slug, sermonId: B.failedSermonId }) },
    ],
    control: async (caller) => {
      const sermonId = await failedSermon(A.id, "a-failed-sermon");
      const answer = await callRoute(
        ROUTES.retry,
        "POST",
        retryRoute.POST,
        { church: A.slug, sermonId },
        caller,
      );
      expect(answer, JSON.stringify(answer.body)).toMatchObject({
        status: 200,
        body: { id: sermonId, status: "streamable" },
      });
    },
  },
  {
    method: "POST",
    file: ROUTES.uploads,
    handler: uploadsRoute.POST,
    atLeast: "editor",
    body: { json: { fileName: "planted.wav", size: 4096 } },
    refusal: { status: 422, code: "upload_rejected" },
    foreign: [{ what: "B's sermon", ids: () => ({ church: A.slug, sermonId: B.sermonId }) }],
    control: async (caller) => {
      const uploadId = await startUploadAs(caller, A, "start-control.wav");
      expect(await db().mediaUpload.findUniqueOrThrow({ where: { id: uploadId } })).toMatchObject({
        sermonId: A.sermonId,
        status: "active",
      });
    },
  },
  {
    method: "POST",
    file: ROUTES.parts,
    handler: partsRoute.POST,
    atLeast: "editor",
    body: { json: { partNumbers: [1] } },
    refusal: { status: 404, code: "upload_not_found" },
    foreign: [
      { what: "B's sermon and upload", ids: () => ({ ...bUpload(), church: A.slug }) },
      {
        what: "B's upload under A's sermon",
        ids: () => ({ church: A.slug, sermonId: A.sermonId, uploadId: B.uploadId }),
      },
    ],
    control: async (caller) => {
      const uploadId = await startUploadAs(caller, A, "parts-control.wav");
      const answer = await callRoute(
        ROUTES.parts,
        "POST",
        partsRoute.POST,
        { ...sermonIds(A), uploadId },
        caller,
        { json: { partNumbers: [1] } },
      );
      expect(answer).toMatchObject({
        status: 200,
        body: { urls: [{ partNumber: 1, url: expect.stringContaining(BUCKET) }] },
      });
    },
  },
  {
    method: "POST",
    file: ROUTES.complete,
    handler: completeRoute.POST,
    atLeast: "editor",
    body: { json: { parts: [{ partNumber: 1, etag: '"0123456789abcdef"' }] } },
    refusal: { status: 404, code: "upload_not_found" },
    foreign: [
      { what: "B's sermon and upload", ids: () => ({ ...bUpload(), church: A.slug }) },
      {
        what: "B's upload under A's sermon",
        ids: () => ({ church: A.slug, sermonId: A.sermonId, uploadId: B.uploadId }),
      },
    ],
    control: async (caller) => {
      const uploadId = await startUploadAs(caller, A, "complete-control.wav");
      const ids = { ...sermonIds(A), uploadId };
      const presigned = await callRoute(ROUTES.parts, "POST", partsRoute.POST, ids, caller, {
        json: { partNumbers: [1] },
      });
      const [{ url }] = (presigned.body as { urls: [{ url: string }] }).urls;
      const put = await fetch(url, { method: "PUT", body: wav(4096) });
      expect(put.status).toBe(200);
      const parts = [{ partNumber: 1, etag: put.headers.get("etag")! }];
      const answer = await callRoute(ROUTES.complete, "POST", completeRoute.POST, ids, caller, {
        json: { parts },
      });
      expect(answer, JSON.stringify(answer.body)).toMatchObject({
        status: 200,
        body: { mediaVersion: 2 },
      });
    },
  },
  {
    method: "DELETE",
    file: ROUTES.upload,
    handler: uploadRoute.DELETE,
    atLeast: "editor",
    refusal: { status: 404, code: "upload_not_found" },
    foreign: [
      { what: "B's sermon and upload", ids: () => ({ ...bUpload(), church: A.slug }) },
      {
        what: "B's upload under A's sermon",
        ids: () => ({ church: A.slug, sermonId: A.sermonId, uploadId: B.uploadId }),
      },
    ],
    control: async (caller) => {
      const uploadId = await startUploadAs(caller, A, "delete-control.wav");
      const answer = await callRoute(
        ROUTES.upload,
        "DELETE",
        uploadRoute.DELETE,
        { ...sermonIds(A), uploadId },
        caller,
      );
      expect(answer.status).toBe(204);
      expect(await db().mediaUpload.findUniqueOrThrow({ where: { id: uploadId } })).toMatchObject({
        status: "aborted",
      });
    },
  },
];

// ── Server actions ─────────────────────────────────────────────────────────────────────────

type ChurchActionFn = (
  churchSlug: string,
  previous: FormResult | null,
  formData: FormData,
) => Promise<FormResult>;
type Fields = Record<string, string>;
type Outcome = { result: FormResult } | { redirect: string };

/** Calls an action as Next does for a `Next-Action` POST from this caller. */
async function callAction<Args extends unknown[]>(
  action: (...args: Args) => Promise<FormResult | void>,
  caller: Caller,
  ...args: Args
): Promise<Outcome> {
  nextRequest.headers = new Headers({
    ...caller.headers,
    origin: ORIGIN,
    "next-action": "tenancy-test",
    accept: "text/x-component",
  });
  try {
    return { result: (await action(...args)) as FormResult };
  } catch (error) {
    // redirect() throws; its digest is "NEXT_REDIRECT;<type>;<url>;<status>;".
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;"))
      return { redirect: digest.split(";")[2]! };
    throw error;
  } finally {
    nextRequest.headers = new Headers();
  }
}

const toForm = (fields: Fields) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
};
const callChurchAction = (action: ChurchActionFn, caller: Caller, slug: string, fields: Fields) =>
  callAction(action, caller, slug, null, toForm(fields));

/** What a refused form answer tells the caller: the echoed values are their own input. */
function refusalOf(outcome: Outcome) {
  expect(outcome, "refused, not redirected").not.toHaveProperty("redirect");
  const { ok, message, fieldErrors } = (outcome as { result: FormResult }).result;
  return { ok, message, fieldErrors };
}

const NOT_A_MEMBER = "No such church, or you are not a member of it.";
const SESSION_ENDED = "Your session has ended. Sign in again.";

type ActionCase = {
  file: string;
  name: string;
  action: ChurchActionFn;
  atLeast: MembershipRole;
  /** A form naming B's records (or none), sent with B's slug. */
  attack: () => Fields;
  /** Forms naming B's records, sent with A's slug; empty when the action takes no ids. */
  foreign: { what: string; form: () => Fields; refusal: string | RegExp }[];
  /** The least privileged member allowed succeeds on A's own records. */
  control: (caller: Caller) => Promise<void>;
  /** False for an action whose effect shows only in the admin (a feed import starting). */
  changesListenerPages?: false;
};

const SERMONS = "app/admin/[church]/sermons/actions.ts";
const TRANSCRIPT = "app/admin/[church]/sermons/[sermonId]/transcript/actions.ts";
const CHAPTERS = "app/admin/[church]/sermons/[sermonId]/actions.ts";
const SERIES = "app/admin/[church]/series/actions.ts";
const SPEAKERS = "app/admin/[church]/speakers/actions.ts";
const SETTINGS = "app/admin/[church]/settings/actions.ts";
const SIGN_IN = "app/admin/sign-in/actions.ts";
const IMPORT = "app/admin/[church]/import/actions.ts";

const expectOk = (outcome: Outcome) => {
  expect(outcome).toHaveProperty("result.ok", true);
};

const actionCases: ActionCase[] = [
  {
    file: SERMONS,
    name: "createSermon",
    action: sermonActions.createSermon,
    atLeast: "editor",
    attack: () => sermonForm({ title: "Planted", speakerId: B.speakerId, seriesId: B.seriesId }),
    foreign: [
      {
        what: "B's speaker",
        form: () => sermonForm({ title: "Planted", speakerId: B.speakerId }),
        refusal: "Please correct the highlighted fields.",
      },
      {
        what: "B's series",
        form: () => sermonForm({ title: "Planted", seriesId: B.seriesId }),
        refusal: "Please correct the highlighted fields.",
      },
    ],
    control: async (caller) => {
      const outcome = await callChurchAction(
        sermonActions.createSermon,
        caller,
        A.slug,
        sermonForm({ title: "Control", speakerId: A.speakerId, seriesId: A.seriesId }),
      );
      expect(outcome).toEqual({
        redirect: expect.stringMatching(new RegExp(`^/admin/${A.slug}/sermons/\\w+\\?created=1$`)),
      });
      const id = /sermons\/(\w+)/.exec((outcome as { redirect: string }).redirect)![1]!;
      expect(await db().sermon.findUniqueOrThrow({ where: { id } })).toMatchObject({
        churchId: A.id,
        speakerId: A.speakerId,
        seriesId: A.seriesId,
      });
    },
  },
  {
    file: SERMONS,
    name: "updateSermon",
    action: sermonActions.updateSermon,
    atLeast: "editor",
    attack: () => sermonForm({ sermonId: B.sermonId, title: "Hijacked" }),
    foreign: [
      {
        what: "B's sermon",
        form: () => sermonForm({ sermonId: B.sermonId, title: "Hijacked" }),
        refusal: "That sermon does not exist in this church.",
      },
      {
        what: "B's speaker on A's sermon",
        form: () => sermonForm({ sermonId: A.sermonId, speakerId: B.speakerId }),
        refusal: "Please correct the highlighted fields.",
      },
      {
        what: "B's series on A's sermon",
        form: () => sermonForm({ sermonId: A.sermonId, seriesId: B.seriesId }),
        refusal: "Please correct the highlighted fields.",
      },
    ],
    control: async (caller) => {
      const outcome = await callChurchAction(
        sermonActions.updateSermon,
        caller,
        A.slug,
        sermonForm({
          sermonId: A.sermonId,
          title: "Renamed",
          speakerId: A.speakerId,
          seriesId: A.seriesId,
        }),
      );
      expect(outcome).toEqual({ result: { ok: true, id: A.sermonId } });
      expect(await db().sermon.findUniqueOrThrow({ where: { id: A.sermonId } })).toMatchObject({
        title: "Renamed",
      });
      // Listeners see the new title at once: A's church pages and the home page are expired.
      expect(expiredTags.slice(-2)).toEqual([churchTag(A.slug), CATALOG_TAG]);
    },
  },
  {
    file: TRANSCRIPT,
    name: "correctTranscriptSegment",
    action: transcriptActions.correctTranscriptSegment,
    atLeast: "editor",
    attack: () => ({ sermonId: B.sermonId, segmentId: B.segmentId, text: "Hijacked." }),
    foreign: [
      {
        what: "B's sermon and segment",
        form: () => ({ sermonId: B.sermonId, segmentId: B.segmentId, text: "Hijacked." }),
        refusal: /no longer exists/,
      },
      {
        what: "B's segment under A's sermon",
        form: () => ({ sermonId: A.sermonId, segmentId: B.segmentId, text: "Hijacked." }),
        refusal: /no longer exists/,
      },
    ],
    control: async (caller) => {
      const segmentId = await currentSegmentId(A.sermonId);
      const outcome = await callChurchAction(
        transcriptActions.correctTranscriptSegment,
        caller,
        A.slug,
        { sermonId: A.sermonId, segmentId, text: "Grace and peace to all of you." },
      );
      expect(outcome).toEqual({ result: { ok: true, message: expect.stringMatching(/^Saved/) } });
      expect(
        await db().transcriptSegment.findUniqueOrThrow({ where: { id: segmentId } }),
      ).toMatchObject({ text: "Grace and peace to all of you." });
    },
  },
  {
    file: CHAPTERS,
    name: "addChapter",
    action: chapterActions.addChapter,
    atLeast: "editor",
    attack: () => ({ sermonId: B.sermonId, title: "Planted", start: "0:10" }),
    foreign: [
      {
        what: "B's sermon",
        form: () => ({ sermonId: B.sermonId, title: "Planted", start: "0:10" }),
        refusal: "That sermon does not exist in this church.",
      },
    ],
    control: async (caller) => {
      await db().sermon.update({ where: { id: A.sermonId }, data: { durationMs: 600_000 } });
      const add = (fields: Fields) =>
        callChurchAction(chapterActions.addChapter, caller, A.slug, {
          sermonId: A.sermonId,
          ...fields,
        });
      // Refused with a reason per field: past the end, a time that is not one, no title, too long.
      for (const [fields, field, message] of [
        [
          { title: "Late", start: "10:00" },
          "start",
          /10:00 long; start the chapter before its end/,
        ],
        [{ title: "Odd", start: "ten past" }, "start", /minutes and seconds/],
        [{ title: "  ", start: "1:00" }, "title", /needs a title/],
        [{ title: "x".repeat(121), start: "1:00" }, "title", /120 characters/],
      ] as const) {
        const refused = refusalOf(await add(fields));
        expect(refused.ok).toBe(false);
        expect(refused.fieldErrors?.[field]?.join(" ")).toMatch(message);
      }
      expect(await add({ title: "<b>The promise</b>", start: "1:30" })).toEqual({
        result: { ok: true, message: "Chapter added." },
      });
      expect(
        await db().chapter.findMany({
          where: { sermonId: A.sermonId },
          select: { startMs: true, title: true, source: true },
        }),
      ).toEqual([{ startMs: 90_000, title: "<b>The promise</b>", source: "admin" }]);
      expect(refusalOf(await add({ title: "Again", start: "1:30" })).fieldErrors?.start).toEqual([
        "“<b>The promise</b>” already starts at 1:30.",
      ]);
      await db().chapter.deleteMany({ where: { sermonId: A.sermonId } });
    },
  },
  {
    file: CHAPTERS,
    name: "updateChapter",
    action: chapterActions.updateChapter,
    atLeast: "editor",
    attack: () => ({
      sermonId: B.sermonId,
      chapterId: B.chapterId,
      title: "Hijacked",
      start: "0:00",
    }),
    foreign: [
      {
        what: "B's sermon and chapter",
        form: () => ({
          sermonId: B.sermonId,
          chapterId: B.chapterId,
          title: "Hijacked",
          start: "0:00",
        }),
        refusal: /no longer exists/,
      },
      {
        what: "B's chapter under A's sermon",
        form: () => ({
          sermonId: A.sermonId,
          chapterId: B.chapterId,
          title: "Hijacked",
          start: "0:00",
        }),
        refusal: /no longer exists/,
      },
    ],
    control: async (caller) => {
      await db().sermon.update({ where: { id: A.sermonId }, data: { durationMs: 600_000 } });
      const [first, second] = await Promise.all(
        [0, 120_000].map((startMs) =>
          db().chapter.create({ data: { sermonId: A.sermonId, startMs, title: `At ${startMs}` } }),
        ),
      );
      const outcome = await callChurchAction(chapterActions.updateChapter, caller, A.slug, {
        sermonId: A.sermonId,
        chapterId: second!.id,
        title: "The promise",
        start: "2:45",
      });
      expect(outcome).toEqual({ result: { ok: true, message: "Chapter saved." } });
      // The set is the admin's now: every chapter of the sermon, not only the one changed.
      expect(
        await db().chapter.findMany({
          where: { sermonId: A.sermonId },
          orderBy: { startMs: "asc" },
          select: { id: true, startMs: true, title: true, source: true },
        }),
      ).toEqual([
        { id: first!.id, startMs: 0, title: "At 0", source: "admin" },
        { id: second!.id, startMs: 165_000, title: "The promise", source: "admin" },
      ]);
      await db().chapter.deleteMany({ where: { sermonId: A.sermonId } });
    },
  },
  {
    file: CHAPTERS,
    name: "removeChapter",
    action: chapterActions.removeChapter,
    atLeast: "editor",
    attack: () => ({ sermonId: B.sermonId, chapterId: B.chapterId }),
    foreign: [
      {
        what: "B's sermon and chapter",
        form: () => ({ sermonId: B.sermonId, chapterId: B.chapterId }),
        refusal: /no longer exists/,
      },
      {
        what: "B's chapter under A's sermon",
        form: () => ({ sermonId: A.sermonId, chapterId: B.chapterId }),
        refusal: /no longer exists/,
      },
    ],
    control: async (caller) => {
      const chapter = await db().chapter.create({
        data: { sermonId: A.sermonId, startMs: 30_000, title: "Going" },
      });
      const outcome = await callChurchAction(chapterActions.removeChapter, caller, A.slug, {
        sermonId: A.sermonId,
        chapterId: chapter.id,
      });
      expect(outcome).toEqual({ result: { ok: true, message: "Chapter deleted." } });
      expect(await db().chapter.count({ where: { sermonId: A.sermonId } })).toBe(0);
    },
  },
  {
    file: SERIES,
    name: "addSeries",
    action: seriesActions.addSeries,
    atLeast: "editor",
    attack: () => ({ title: "Planted series", description: "" }),
    foreign: [],
    control: async (caller) => {
      expectOk(
        await callChurchAction(seriesActions.addSeries, caller, A.slug, {
          title: "Control series",
          description: "",
        }),
      );
      expect(
        await db().series.findFirstOrThrow({ where: { title: "Control series" } }),
      ).toMatchObject({ churchId: A.id });
    },
  },
  {
    file: SERIES,
    name: "removeSeries",
    action: seriesActions.removeSeries,
    atLeast: "editor",
    attack: () => ({ id: B.seriesId }),
    foreign: [
      {
        what: "B's series",
        form: () => ({ id: B.seriesId }),
        refusal: "That series does not exist in this church.",
      },
    ],
    control: async (caller) => {
      const id = await saveSeries(db(), A.id, null, {
        title: "Short-lived series",
        description: "",
      });
      expectOk(await callChurchAction(seriesActions.removeSeries, caller, A.slug, { id }));
      expect(await db().series.count({ where: { id } })).toBe(0);
    },
  },
  {
    file: SPEAKERS,
    name: "addSpeaker",
    action: speakerActions.addSpeaker,
    atLeast: "editor",
    attack: () => ({ name: "Planted speaker", bio: "" }),
    foreign: [],
    control: async (caller) => {
      expectOk(
        await callChurchAction(speakerActions.addSpeaker, caller, A.slug, {
          name: "Control speaker",
          bio: "",
        }),
      );
      expect(
        await db().speaker.findFirstOrThrow({ where: { name: "Control speaker" } }),
      ).toMatchObject({ churchId: A.id });
    },
  },
  {
    file: SPEAKERS,
    name: "removeSpeaker",
    action: speakerActions.removeSpeaker,
    atLeast: "editor",
    attack: () => ({ id: B.speakerId }),
    foreign: [
      {
        what: "B's speaker",
        form: () => ({ id: B.speakerId }),
        refusal: "That speaker does not exist in this church.",
      },
    ],
    control: async (caller) => {
      const id = await saveSpeaker(db(), A.id, null, { name: "Short-lived speaker", bio: "" });
      expectOk(await callChurchAction(speakerActions.removeSpeaker, caller, A.slug, { id }));
      expect(await db().speaker.count({ where: { id } })).toBe(0);
    },
  },
  {
    file: SETTINGS,
    name: "saveChurchSettings",
    action: settingsActions.saveChurchSettings,
    atLeast: "admin",
    attack: () => ({
      name: "Taken Over",
      description: "",
      websiteUrl: "https://evil.example",
      timezone: "UTC",
    }),
    foreign: [],
    control: async (caller) => {
      expectOk(
        await callChurchAction(settingsActions.saveChurchSettings, caller, A.slug, {
          name: "Church One",
          description: "",
          websiteUrl: "",
          timezone: "Europe/London",
        }),
      );
      expect(await db().church.findUniqueOrThrow({ where: { id: A.id } })).toMatchObject({
        name: "Church One",
        timezone: "Europe/London",
      });
    },
  },
  {
    file: IMPORT,
    name: "importFeed",
    action: importActions.importFeed,
    atLeast: "editor",
    attack: () => ({ url: "https://evil.example/feed.xml" }),
    foreign: [],
    changesListenerPages: false,
    control: async (caller) => {
      const outcome = await callChurchAction(importActions.importFeed, caller, A.slug, {
        url: "https://one.example/feed.xml",
      });
      expect(outcome).toEqual({
        redirect: expect.stringMatching(new RegExp(`^/admin/${A.slug}/import\\?import=\\w+$`)),
      });
      expect(
        await db().feedSource.findFirstOrThrow({ where: { url: "https://one.example/feed.xml" } }),
      ).toMatchObject({ churchId: A.id });
    },
  },
  {
    file: IMPORT,
    name: "changeFeedSync",
    action: importActions.changeFeedSync,
    atLeast: "editor",
    attack: () => ({ sourceId: B.feedSourceId, keepInSync: "true" }),
    foreign: [
      {
        what: "B's feed",
        form: () => ({ sourceId: B.feedSourceId, keepInSync: "true" }),
        refusal: "That feed is not one of this church's.",
      },
    ],
    changesListenerPages: false,
    control: async (caller) => {
      const source = await db().feedSource.create({
        data: { churchId: A.id, url: "https://one.example/synced.xml" },
      });
      expectOk(
        await callChurchAction(importActions.changeFeedSync, caller, A.slug, {
          sourceId: source.id,
          keepInSync: "true",
        }),
      );
      expect(await db().feedSource.findUniqueOrThrow({ where: { id: source.id } })).toMatchObject({
        keepInSync: true,
      });
    },
  },
];

// ── Set-up ─────────────────────────────────────────────────────────────────────────────────

beforeAll(async () => {
  services = await startTestServices();
  const aws = testAwsEnv(services.aws.endpoint);
  const sqs = createSqsClient(aws);
  queues = await ensureQueues(sqs, {
    mainQueueName: "events",
    deadLetterQueueName: "events-dlq",
    maxReceiveCount: 5,
    visibilityTimeoutSeconds: 60,
  });
  sqs.destroy();
  // The web app's configuration, read by getDb/getAuth/serverEnv on first use.
  Object.assign(process.env, {
    DATABASE_URL: services.database.url,
    BETTER_AUTH_SECRET: "s".repeat(40),
    BETTER_AUTH_URL: ORIGIN,
    AWS_REGION: aws.AWS_REGION,
    S3_ENDPOINT: aws.S3_ENDPOINT,
    SQS_ENDPOINT: aws.SQS_ENDPOINT,
    S3_FORCE_PATH_STYLE: "true",
    S3_BUCKET: BUCKET,
    S3_BROWSER_PROXY: "false",
    SQS_QUEUE_URL: queues.mainQueueUrl,
    SQS_DLQ_URL: queues.deadLetterQueueUrl,
    INNGEST_DEV: "1",
    ADMIN_API_TOKEN: OPERATOR_TOKEN,
    // The import control's feed host: the Import form checks the address before starting, and
    // this made-up name has no DNS record (listed, it is taken without a lookup).
    IMPORT_ALLOWED_HOSTS: "one.example",
  });
  s3 = createS3Client(aws);
  await ensureBucket(s3, BUCKET);

  const aOwner = await member("owner@one.example", "one", "owner");
  callers.aOwner = aOwner.caller;
  callers.aAdmin = (await member("admin@one.example", "one", "admin")).caller;
  callers.aEditor = (await member("editor@one.example", "one", "editor")).caller;
  const bOwner = await member("owner@two.example", "two", "owner");
  callers.bOwner = bOwner.caller;
  callers.listener = await signUpListener("listener@listeners.example");

  A = await seedChurch("one", aOwner.churchId);
  const b = await seedChurch("two", bOwner.churchId);
  // B's transcript and unfinished upload, made by B's owner through the same routes.
  for (const church of [A, b]) {
    const owner = church === A ? callers.aOwner : callers.bOwner;
    const stored = await callRoute(
      ROUTES.transcript,
      "POST",
      transcriptRoute.POST,
      sermonIds(church),
      owner,
      { text: VTT },
    );
    expect(stored.status, JSON.stringify(stored.body)).toBe(200);
  }
  B = {
    ...b,
    segmentId: await currentSegmentId(b.sermonId),
    chapterId: (
      await db().chapter.create({
        data: { sermonId: b.sermonId, startMs: 0, title: "Their opening" },
      })
    ).id,
    uploadId: await startUploadAs(callers.bOwner, b, "their-sermon.wav"),
    failedSermonId: await failedSermon(b.id, "their-failed-sermon"),
    feedSourceId: (
      await db().feedSource.create({
        data: { churchId: b.id, url: "https://two.example/feed.xml" },
      })
    ).id,
  };
});

afterAll(async () => {
  s3?.destroy();
  await getDb().$disconnect();
  await services?.stop();
});

// ── The cases ──────────────────────────────────────────────────────────────────────────────

const covered = new Set<string>();

describe("the checks themselves", () => {
  it("see a change to any church's rows or to the bucket's objects, and whether an upload is still open", async () => {
    const before = await appState(db(), s3, BUCKET);
    await db().speaker.update({
      where: { id: B.speakerId },
      data: { bio: "Touched by the self-check." },
    });
    expect((await appState(db(), s3, BUCKET)).tables).not.toEqual(before.tables);
    await s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: "self-check/probe.txt", Body: "probe" }),
    );
    expect((await appState(db(), s3, BUCKET)).objects).toContainEqual(
      expect.stringMatching(/^self-check\/probe\.txt 5 /),
    );

    const upload = await db().mediaUpload.findUniqueOrThrow({
      where: { id: await startUploadAs(callers.aOwner, A, "self-check.wav") },
    });
    await s3.send(
      new AbortMultipartUploadCommand({
        Bucket: BUCKET,
        Key: upload.key,
        UploadId: upload.s3UploadId,
      }),
    );
    expect(await isOpenInStorage(s3, BUCKET, upload)).toBe(false);
  });
});

describe.each(routeCases)("$method $file", (route) => {
  covered.add(routeKey(route.method, route.file));
  const call = (ids: Ids, caller: Caller, body = route.body) =>
    callRoute(route.file, route.method, route.handler, ids, caller, body);
  const target = () => route.target?.() ?? bUpload();

  it(`control: an ${route.atLeast} of A is served for A's own records`, async () => {
    const before = expiredTags.length;
    await route.control(callers[LEAST_ALLOWED[route.atLeast]]);
    expect(
      expiredTags.slice(before).filter((tag) => !isATag(tag)),
      "tags expired",
    ).toEqual([]);
  });

  it("(a) B's slug in the URL: answered as a church that does not exist, nothing changed", () =>
    changesNothing(async () => {
      for (const caller of [callers.aOwner, spoofing(callers.aOwner)]) {
        const answer = await call(target(), caller);
        expect(answer, caller.name).toEqual({
          status: 404,
          body: { error: { code: "church_not_found", message: NOT_A_MEMBER } },
        });
        expect(answer, `${caller.name}: same answer as for a made-up church`).toEqual(
          await call({ ...target(), church: "no-such-church" }, caller),
        );
      }
    }));

  if (route.foreign.length)
    it("(b) A's slug with B's ids: answered as ids that do not exist, nothing changed", () =>
      changesNothing(async () => {
        for (const { what, ids, json } of route.foreign) {
          const body = json && { json: json() };
          for (const caller of [callers.aOwner, spoofing(callers.aOwner)]) {
            const answer = await call(ids(), caller, body ?? route.body);
            expect(answer, `${what}, ${caller.name}`).toMatchObject({
              status: route.refusal.status,
              body: { error: { code: route.refusal.code } },
            });
            expect(answer, `${what}, ${caller.name}: same answer as for made-up ids`).toEqual(
              await call(madeUp(ids()), caller, body ? { json: madeUp(body.json) } : route.body),
            );
          }
        }
      }));

  it("a signed-up listener (no membership anywhere) is refused on every church, nothing changed", () =>
    changesNothing(async () => {
      for (const caller of [callers.listener, spoofing(callers.listener)]) {
        for (const ids of [target(), { ...target(), church: A.slug }]) {
          const answer = await call(ids, caller);
          expect(answer, `${caller.name} → ${ids.church}`).toEqual({
            status: 404,
            body: { error: { code: "church_not_found", message: NOT_A_MEMBER } },
          });
        }
      }
    }));

  it("(c, d) no valid session, whatever x-middleware-subrequest says: 401, nothing changed", () =>
    changesNothing(async () => {
      for (const caller of unauthenticated) {
        for (const ids of [target(), { ...target(), church: A.slug }]) {
          const answer = await call(ids, caller);
          expect(answer, `${caller.name} → ${ids.church}`).toEqual({
            status: 401,
            body: { error: { code: "unauthenticated", message: "Sign in first." } },
          });
        }
      }
    }));

  if (ROLE_BELOW[route.atLeast])
    it(`a member below ${route.atLeast} is refused`, () =>
      changesNothing(async () => {
        const answer = await call(
          { ...target(), church: A.slug },
          callers[ROLE_BELOW[route.atLeast]!],
        );
        expect(answer).toMatchObject({ status: 403, body: { error: { code: "role_required" } } });
      }));
});

describe.each(actionCases)("server action $name ($file)", (action) => {
  covered.add(actionKey(action.file, action.name));
  const call = async (caller: Caller, slug: string, fields: Fields) =>
    refusalOf(await callChurchAction(action.action, caller, slug, fields));

  it(`control: an ${action.atLeast} of A succeeds on A's own records`, async () => {
    const before = revalidated.length;
    const expiredBefore = expiredTags.length;
    await action.control(callers[LEAST_ALLOWED[action.atLeast]]);
    // Every action changes something listeners see, of A's church only.
    const expired = expiredTags.slice(expiredBefore);
    if (action.changesListenerPages !== false)
      expect(expired.length, "listener cache tags expired").toBeGreaterThan(0);
    expect(
      expired.filter((tag) => !isATag(tag)),
      "tags expired",
    ).toEqual([]);
    expect(
      revalidated
        .slice(before)
        .every((path) => path.startsWith(`/admin/${A.slug}`) || path === "/"),
    ).toBe(true);
  });

  it("(a) B's slug as the church argument: answered as a church that does not exist, nothing changed", () =>
    changesNothing(async () => {
      for (const caller of [callers.aOwner, spoofing(callers.aOwner)]) {
        const outcome = await call(caller, B.slug, action.attack());
        expect(outcome, caller.name).toEqual({
          ok: false,
          message: NOT_A_MEMBER,
          fieldErrors: undefined,
        });
        expect(outcome, `${caller.name}: same answer as for a made-up church`).toEqual(
          await call(caller, "no-such-church", action.attack()),
        );
      }
    }));

  if (action.foreign.length)
    it("(b) A's slug with B's ids: answered as ids that do not exist, nothing changed", () =>
      changesNothing(async () => {
        for (const { what, form, refusal } of action.foreign) {
          for (const caller of [callers.aOwner, spoofing(callers.aOwner)]) {
            const outcome = await call(caller, A.slug, form());
            expect(outcome.ok, `${what}, ${caller.name}`).toBe(false);
            expect(outcome.message, `${what}, ${caller.name}`).toMatch(refusal);
            expect(outcome, `${what}, ${caller.name}: same answer as for made-up ids`).toEqual(
              await call(caller, A.slug, madeUp(form())),
            );
          }
        }
      }));

  // A crafted Next-Action body can send any serialisable value where `.bind` put the slug; an
  // object reaches Prisma as a filter (an array makes it throw), but only ever over the
  // caller's own memberships.
  it("(a) a crafted, non-string church argument reaches no church the caller is not a member of", () =>
    changesNothing(async () => {
      for (const slug of [{ in: [B.slug] }, { not: A.slug }, { equals: B.slug }, [B.slug]]) {
        const crafted = action.action as unknown as (
          slug: unknown,
          previous: null,
          form: FormData,
        ) => Promise<FormResult>;
        const outcome = await callAction(
          crafted,
          callers.aOwner,
          slug,
          null,
          toForm(action.attack()),
        ).then(
          (answer) => refusalOf(answer),
          (error: Error) => ({ ok: false, message: `threw ${error.name}`, fieldErrors: undefined }),
        );
        expect(outcome.ok, JSON.stringify(slug)).toBe(false);
      }
    }));

  it("a signed-up listener (no membership anywhere) is refused on every church, nothing changed", () =>
    changesNothing(async () => {
      for (const caller of [callers.listener, spoofing(callers.listener)]) {
        for (const slug of [A.slug, B.slug]) {
          expect(await call(caller, slug, action.attack()), `${caller.name} → ${slug}`).toEqual({
            ok: false,
            message: NOT_A_MEMBER,
            fieldErrors: undefined,
          });
        }
      }
    }));

  it("(c, d) no valid session, whatever x-middleware-subrequest says: refused, nothing changed", () =>
    changesNothing(async () => {
      for (const caller of unauthenticated) {
        for (const slug of [A.slug, B.slug]) {
          expect(await call(caller, slug, action.attack()), `${caller.name} → ${slug}`).toEqual({
            ok: false,
            message: SESSION_ENDED,
            fieldErrors: undefined,
          });
        }
      }
    }));

  if (ROLE_BELOW[action.atLeast])
    it(`a member below ${action.atLeast} is refused on their own church`, () =>
      changesNothing(async () => {
        const below = callers[ROLE_BELOW[action.atLeast]!];
        for (const caller of [below, spoofing(below)]) {
          const outcome = await call(caller, A.slug, action.attack());
          expect(outcome, caller.name).toEqual({
            ok: false,
            message: `This needs the ${action.atLeast} role in this church.`,
            fieldErrors: undefined,
          });
        }
      }));
});

describe("sign-in actions (no church: they only start and end the caller's own session)", () => {
  covered.add(actionKey(SIGN_IN, "signIn"));
  covered.add(actionKey(SIGN_IN, "signOut"));
  const credentials = (password: string, next = "/admin") =>
    toForm({ email: "owner@one.example", password, next });
  const sessionsOf = async (email: string) => db().session.count({ where: { user: { email } } });

  it("signIn refuses a wrong password, with or without x-middleware-subrequest, and starts no session", () =>
    changesNothing(async () => {
      for (const caller of [anonymous, ...unauthenticated.slice(2)]) {
        const outcome = await callAction(
          signInActions.signIn,
          caller,
          null,
          credentials("not-the-password"),
        );
        expect(refusalOf(outcome), caller.name).toEqual({
          ok: false,
          message: "That email and password do not match an admin account.",
          fieldErrors: undefined,
        });
      }
    }));

  it("control: signIn with the right password starts a session and stays on this site", async () => {
    const before = await sessionsOf("owner@one.example");
    expect(
      await callAction(
        signInActions.signIn,
        anonymous,
        null,
        credentials("owner-password-one", "/admin/one/settings"),
      ),
    ).toEqual({ redirect: "/admin/one/settings" });
    expect(
      await callAction(
        signInActions.signIn,
        anonymous,
        null,
        credentials("owner-password-one", "https://evil.example/admin"),
      ),
    ).toEqual({ redirect: "/admin" });
    expect(await sessionsOf("owner@one.example")).toBe(before + 2);
  });

  it("signOut ends only the caller's own session", async () => {
    const cookie = (await signInAccount("owner@one.example", "owner-password-one")).cookie;
    const before = {
      a: await sessionsOf("owner@one.example"),
      b: await sessionsOf("owner@two.example"),
    };
    expect(
      await callAction(signInActions.signOut, { name: "A's extra session", headers: { cookie } }),
    ).toEqual({ redirect: "/admin/sign-in" });
    expect({
      a: await sessionsOf("owner@one.example"),
      b: await sessionsOf("owner@two.example"),
    }).toEqual({ a: before.a - 1, b: before.b });
    // B's owner and A's other sessions are still signed in.
    const bSermon = await callRoute(
      ROUTES.sermon,
      "GET",
      sermonRoute.GET,
      sermonIds(B),
      callers.bOwner,
    );
    expect(bSermon.status).toBe(200);
    const aSermon = await callRoute(
      ROUTES.sermon,
      "GET",
      sermonRoute.GET,
      sermonIds(A),
      callers.aOwner,
    );
    expect(aSermon.status).toBe(200);
  });
});

describe("dead-letter queue routes (the platform's, not a church's: the operator token only)", () => {
  const operatorRoutes: {
    method: HttpMethod;
    file: string;
    handler: unknown;
    ids: Ids;
    body?: Body;
  }[] = [
    { method: "GET", file: ROUTES.dlq, handler: dlqRoute.GET, ids: {} },
    { method: "DELETE", file: ROUTES.dlq, handler: dlqRoute.DELETE, ids: {} },
    {
      method: "GET",
      file: ROUTES.dlqMessage,
      handler: dlqMessageRoute.GET,
      ids: { messageId: "some-message" },
    },
    {
      method: "POST",
      file: ROUTES.redrive,
      handler: redriveRoute.POST,
      ids: {},
      body: { json: { all: true } },
    },
  ];
  for (const route of operatorRoutes) covered.add(routeKey(route.method, route.file));
  let deadLetterId: string;

  it("refuse church owners' sessions and spoofed headers without the token; the queue is untouched", async () => {
    const sqs = createSqsClient(testAwsEnv(services.aws.endpoint));
    deadLetterId = (
      await sqs.send(
        new SendMessageCommand({ QueueUrl: queues.deadLetterQueueUrl, MessageBody: "{}" }),
      )
    ).MessageId!;
    sqs.destroy();
    await changesNothing(async () => {
      for (const route of operatorRoutes) {
        const call = (caller: Caller) =>
          callRoute(
            route.file,
            route.method,
            route.handler as RouteHandler,
            route.ids,
            caller,
            route.body,
          );
        for (const caller of [
          ...unauthenticated,
          callers.aOwner,
          callers.bOwner,
          callers.listener,
          spoofing(callers.aOwner),
        ]) {
          expect(await call(caller), `${route.method} ${route.file}: ${caller.name}`).toMatchObject(
            { status: 401, body: { error: { code: "unauthenticated" } } },
          );
        }
        const wrongToken = {
          name: "a wrong bearer token",
          headers: { ...callers.aOwner.headers, authorization: `Bearer ${"x".repeat(40)}` },
        };
        expect(
          await call(wrongToken),
          `${route.method} ${route.file}: ${wrongToken.name}`,
        ).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
      }
    });
  });

  it("control: with the token the dead letter is still there, neither purged nor redriven", async () => {
    const operator = { name: "operator", headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } };
    const listed = await callRoute(ROUTES.dlq, "GET", dlqRoute.GET as RouteHandler, {}, operator);
    expect(listed).toMatchObject({
      status: 200,
      body: { messages: [{ messageId: deadLetterId }] },
    });
    const unknown = await callRoute(
      ROUTES.dlqMessage,
      "GET",
      dlqMessageRoute.GET as RouteHandler,
      { messageId: "no-such-message" },
      operator,
    );
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
  });
});

describe("after every refused request", () => {
  it("B's unfinished upload is still open in storage (no refused abort or completion reached S3)", async () => {
    const theirs = await db().mediaUpload.findUniqueOrThrow({ where: { id: B.uploadId } });
    expect(theirs.status).toBe("active");
    expect(await isOpenInStorage(s3, BUCKET, theirs)).toBe(true);
  });
});

describe("coverage", () => {
  it("every admin route handler and server action in the code has cases above", async () => {
    const routes = await adminRouteHandlers();
    const { actions, inlineActionFiles } = await adminServerActions();
    const existing = [...routes, ...actions].map((found) => found.key);
    expect(
      existing.filter((key) => !covered.has(key)),
      "route handlers / actions without tenancy cases: add them to this file",
    ).toEqual([]);
    expect(
      [...covered].filter((key) => !existing.includes(key)),
      "cases for routes / actions that no longer exist",
    ).toEqual([]);
    expect(
      inlineActionFiles,
      "inline server actions: move them to an actions.ts and cover them here",
    ).toEqual([]);
    // Whatever names a record by id has a case with another church's ids.
    for (const route of routeCases) {
      const ids = [...route.file.matchAll(/\[(\w+)\]/g)].filter(([, name]) => name !== "church");
      if (ids.length)
        expect(route.foreign, `${route.method} ${route.file}: (b) cases`).not.toEqual([]);
    }
    for (const action of actionCases) {
      const ids = Object.keys(action.attack()).filter((name) => /(^id|Id)$/.test(name));
      if (ids.length) expect(action.foreign, `${action.name}: (b) cases`).not.toEqual([]);
    }
    // The tables call the very functions Next serves.
    for (const route of routeCases)
      expect(
        routes.find((found) => found.key === routeKey(route.method, route.file))?.handler,
      ).toBe(route.handler);
    for (const action of actionCases)
      expect(
        actions.find((found) => found.key === actionKey(action.file, action.name))?.action,
      ).toBe(action.action);
  });

  it("the enumeration finds new route methods, action exports and inline actions", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "selah-surface-"));
    const write = (file: string, source: string) => {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), source);
    };
    try {
      write(
        "app/api/admin/churches/[church]/things/route.ts",
        "export const GET = async () => new Response();\nexport async function PATCH() { return new Response(); }\nexport const dynamic = 'force-dynamic';\n",
      );
      write("app/api/admin/_lib/helper.ts", "export const GET = 1;\n");
      write(
        "app/admin/[church]/things/actions.ts",
        '// A comment first.\n"use server";\nexport async function doThing() {}\nexport const undoThing = async () => {};\n',
      );
      write(
        "app/admin/[church]/things/page.tsx",
        'export default function Page() { async function act() { "use server"; } return act; }\n',
      );
      write(
        "components/admin/thing-actions.ts",
        "'use server';\nexport async function componentThing() {}\n",
      );
      const routes = await adminRouteHandlers(root);
      expect(routes.map((found) => found.key)).toEqual([
        "GET app/api/admin/churches/[church]/things/route.ts",
        "PATCH app/api/admin/churches/[church]/things/route.ts",
      ]);
      const { actions, inlineActionFiles } = await adminServerActions(root);
      expect(actions.map((found) => found.key).sort()).toEqual([
        "app/admin/[church]/things/actions.ts#doThing",
        "app/admin/[church]/things/actions.ts#undoThing",
        "components/admin/thing-actions.ts#componentThing",
      ]);
      expect(inlineActionFiles).toEqual(["app/admin/[church]/things/page.tsx"]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
