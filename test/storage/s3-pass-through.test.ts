/**
 * The web app's /s3 pass-through (S3_BROWSER_PROXY=true, on by default on the embedded default,
 * whose emulator checks no signatures): issue "Safe to expose, hard to break", part 1b.
 *
 * The probes that worked before: an anonymous, unsigned PUT stored an object; an anonymous GET
 * read a draft sermon's original and a playlist; a published sermon's playlist was overwritten
 * the same way. Now the pass-through forwards only what the browser's upload needs: an
 * UploadPart PUT whose presigned signature (made with the app's own credentials) it has checked,
 * unexpired, for exactly the key, upload and part it names. Everything else is a 403 before a
 * byte reaches storage.
 *
 * Driven through the real route handler with real Requests, the real presigner (the upload
 * routes' own `presignParts` and `getSignedUrl`), real fauxqs and PGlite.
 */
import {
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as passThrough from "@/app/s3/[...path]/route";
import { sermonOutputKey } from "@/lib/catalog/sermons/sermon-version";
import { completeUpload } from "@/lib/pipeline/upload/complete-upload";
import { presignParts } from "@/lib/pipeline/upload/presign-parts";
import { serverUploadContext } from "@/lib/pipeline/upload/server-upload-context";
import { startUpload, type UploadPlan } from "@/lib/pipeline/upload/start-upload";
import type { UploadContext } from "@/lib/pipeline/upload/upload-context";
import type { SermonRef } from "@/lib/catalog/sermons/sermon-version";
import { getDb } from "@/lib/platform/db/client";
import { ensureBucket } from "@/lib/platform/storage/ensure-bucket";
import { createS3Client } from "@/lib/platform/storage/s3-client";
import { startTestServices, testAwsEnv, type TestServices } from "@/test/support/embedded-services";

vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  revalidateTag: () => undefined,
  revalidatePath: () => undefined,
}));

const ORIGIN = "http://selah.test";
const BUCKET = "selah-pass-through";

let services: TestServices;
let s3: S3Client;
let ctx: UploadContext;
let churchId: string;
let draftOriginalKey: string;
let publishedPlaylistKey: string;
const PLAYLIST = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-ENDLIST\n";

/** A few bytes a media sniffer takes for WAV (the audio check is not part of this test). */
function wav(bytes: number): Uint8Array {
  const file = Buffer.alloc(bytes, 7);
  file.write("RIFF", 0, "ascii");
  file.writeUInt32LE(bytes - 8, 4);
  file.write("WAVEfmt ", 8, "ascii");
  return new Uint8Array(file);
}

/** What the browser does with a URL the app gave it: relative to the app's origin. */
function send(
  method: string,
  url: string,
  body?: Uint8Array | string,
  headers: Record<string, string> = {},
): Promise<Response> {
  const request = new Request(new URL(url, ORIGIN), {
    method,
    headers,
    ...(body === undefined ? {} : { body, duplex: "half" }),
  } as RequestInit);
  const handler = passThrough[method as keyof typeof passThrough] as
    ((request: Request) => Promise<Response>) | undefined;
  // A method the module does not export is one Next answers 405 for: refused all the same.
  if (!handler) return Promise.resolve(new Response(null, { status: 405 }));
  return handler(request);
}

async function objectText(key: string): Promise<string | undefined> {
  try {
    const object = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    return await object.Body!.transformToString("latin1");
  } catch (error) {
    if ((error as { name?: string }).name === "NoSuchKey") return undefined;
    throw error;
  }
}

async function exists(key: string): Promise<boolean> {
  return s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key })).then(
    () => true,
    () => false,
  );
}

async function newSermon(slug: string, publishState: "draft" | "published"): Promise<SermonRef> {
  const sermon = await getDb().sermon.create({
    data: {
      churchId,
      title: slug,
      slug,
      publishState,
      ...(publishState === "published" ? { publishAt: new Date(Date.now() - 60_000) } : {}),
    },
  });
  return { churchId, sermonId: sermon.id };
}

async function newUpload(slug: string): Promise<{ ref: SermonRef; plan: UploadPlan }> {
  const ref = await newSermon(slug, "draft");
  const plan = await startUpload(ctx, ref, { fileName: `${slug}.wav`, size: 4096 }, "user-1");
  return { ref, plan };
}

/** A presigned URL made with the app's own client, as the browser would be given it. */
async function presigned(
  command: UploadPartCommand | GetObjectCommand | PutObjectCommand,
  options: { client?: S3Client; expiresIn?: number; signingDate?: Date } = {},
): Promise<string> {
  const client = options.client ?? ctx.s3;
  const signing = {
    expiresIn: options.expiresIn ?? 3600,
    ...(options.signingDate ? { signingDate: options.signingDate } : {}),
  };
  const url =
    command instanceof UploadPartCommand
      ? await getSignedUrl(client, command, signing)
      : command instanceof GetObjectCommand
        ? await getSignedUrl(client, command, signing)
        : await getSignedUrl(client, command, signing);
  return ctx.toBrowserUrl(url);
}

async function uploadIdOf(plan: UploadPlan): Promise<string> {
  const upload = await getDb().mediaUpload.findUniqueOrThrow({ where: { id: plan.uploadId } });
  return upload.s3UploadId;
}

const forwarded = vi.spyOn(globalThis, "fetch");
afterEach(() => forwarded.mockClear());

/** A refusal: 403 with a JSON error, nothing of storage's in it, and nothing forwarded. */
async function expectRefused(response: Response, secret?: string) {
  const text = await response.text();
  expect(response.status, text).toBe(403);
  expect(JSON.parse(text)).toMatchObject({ error: { code: "forbidden" } });
  if (secret) expect(text).not.toContain(secret);
  expect(forwarded, "no request reached storage").not.toHaveBeenCalled();
}

beforeAll(async () => {
  services = await startTestServices();
  const aws = testAwsEnv(services.aws.endpoint);
  Object.assign(process.env, {
    DATABASE_URL: services.database.url,
    BETTER_AUTH_SECRET: "s".repeat(40),
    BETTER_AUTH_URL: ORIGIN,
    AWS_REGION: aws.AWS_REGION,
    S3_ENDPOINT: aws.S3_ENDPOINT,
    S3_FORCE_PATH_STYLE: "true",
    S3_BUCKET: BUCKET,
    S3_BROWSER_PROXY: "true",
    SQS_QUEUE_URL: `${aws.SQS_ENDPOINT}/000000000000/events`,
    SQS_DLQ_URL: `${aws.SQS_ENDPOINT}/000000000000/events-dlq`,
    INNGEST_DEV: "1",
  });
  s3 = createS3Client(aws);
  await ensureBucket(s3, BUCKET);
  ctx = serverUploadContext();
  churchId = (await getDb().church.create({ data: { slug: "pass", name: "Pass" } })).id;

  // A draft sermon whose original went up through the pass-through, like the admin's browser.
  const { ref, plan } = await newUpload("draft-sermon");
  const { urls } = await presignParts(ctx, ref, plan.uploadId, [1]);
  expect(urls[0]!.url.startsWith(`/s3/${BUCKET}/`)).toBe(true);
  const stored = await send("PUT", urls[0]!.url, wav(4096));
  expect(stored.status).toBe(200);
  const done = await completeUpload(ctx, ref, plan.uploadId, [
    { partNumber: 1, etag: stored.headers.get("etag")! },
  ]);
  draftOriginalKey = done.key;
  expect(await exists(draftOriginalKey)).toBe(true);

  // A published sermon's playlist, as the transcode leaves it.
  const published = await newSermon("published-sermon", "published");
  publishedPlaylistKey = sermonOutputKey({ ...published, mediaVersion: 1 }, "hls/master.m3u8");
  await s3.send(
    new PutObjectCommand({ Bucket: BUCKET, Key: publishedPlaylistKey, Body: PLAYLIST }),
  );
  forwarded.mockClear();
});

afterAll(async () => {
  s3?.destroy();
  await getDb().$disconnect();
  await services?.stop();
});

describe("the issue's probes, each refused", () => {
  it("an anonymous, unsigned PUT stores nothing", async () => {
    const key = `churches/${churchId}/planted.txt`;
    await expectRefused(await send("PUT", `/s3/${BUCKET}/${key}`, "planted by anyone"));
    expect(await exists(key)).toBe(false);
  });

  it("an anonymous GET (or HEAD) of a draft sermon's original reads nothing", async () => {
    const original = (await objectText(draftOriginalKey))!;
    for (const method of ["GET", "HEAD"]) {
      const response = await send(method, `/s3/${BUCKET}/${draftOriginalKey}`);
      expect(response.status, method).not.toBe(200);
      const text = await response.text();
      expect(text).not.toContain(original.slice(0, 64));
    }
    await expectRefused(await send("GET", `/s3/${BUCKET}/${draftOriginalKey}`));
  });

  it("an anonymous GET of a playlist reads nothing", async () => {
    await expectRefused(await send("GET", `/s3/${BUCKET}/${publishedPlaylistKey}`), "#EXTM3U");
  });

  it("a published sermon's playlist cannot be overwritten", async () => {
    await expectRefused(
      await send("PUT", `/s3/${BUCKET}/${publishedPlaylistKey}`, "#EXTM3U\nhttp://evil.example/"),
    );
    expect(await objectText(publishedPlaylistKey)).toBe(PLAYLIST);
  });
});

describe("an upload part through the pass-through", () => {
  it("is stored when the URL is the app's presigned UploadPart URL", async () => {
    const { ref, plan } = await newUpload("good-part");
    const { urls } = await presignParts(ctx, ref, plan.uploadId, [1]);
    const body = wav(4096);
    const response = await send("PUT", urls[0]!.url, body);
    expect(response.status).toBe(200);
    const etag = response.headers.get("etag");
    expect(etag).toBeTruthy();
    expect(forwarded).toHaveBeenCalledTimes(1);
    const done = await completeUpload(ctx, ref, plan.uploadId, [{ partNumber: 1, etag: etag! }]);
    expect(Buffer.from((await objectText(done.key))!, "latin1")).toEqual(Buffer.from(body));
  });

  it("is refused with a tampered signature", async () => {
    const { ref, plan } = await newUpload("tampered");
    const { urls } = await presignParts(ctx, ref, plan.uploadId, [1]);
    const tampered = urls[0]!.url.replace(
      /X-Amz-Signature=([0-9a-f])/,
      (_, c: string) => `X-Amz-Signature=${c === "0" ? "1" : "0"}`,
    );
    expect(tampered).not.toBe(urls[0]!.url);
    await expectRefused(await send("PUT", tampered, wav(4096)));
    const withoutSignature = urls[0]!.url.replace(/&?X-Amz-Signature=[0-9a-f]+/, "");
    await expectRefused(await send("PUT", withoutSignature, wav(4096)));
  });

  it("is refused when signed with other credentials", async () => {
    const { plan } = await newUpload("forged");
    const forger = new S3Client({
      region: "us-east-1",
      endpoint: services.aws.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: "test", secretAccessKey: "not-the-apps-secret" },
    });
    const url = await presigned(
      new UploadPartCommand({
        Bucket: BUCKET,
        Key: plan.key,
        UploadId: await uploadIdOf(plan),
        PartNumber: 1,
      }),
      { client: forger },
    );
    forger.destroy();
    await expectRefused(await send("PUT", url, wav(4096)));
  });

  it("is refused when signed for another region, or dated in the future", async () => {
    const { plan } = await newUpload("scope");
    const command = new UploadPartCommand({
      Bucket: BUCKET,
      Key: plan.key,
      UploadId: await uploadIdOf(plan),
      PartNumber: 1,
    });
    const elsewhere = createS3Client({
      ...testAwsEnv(services.aws.endpoint),
      AWS_REGION: "eu-west-1",
    });
    await expectRefused(await send("PUT", await presigned(command, { client: elsewhere }), "x"));
    elsewhere.destroy();
    const future = await presigned(command, { signingDate: new Date(Date.now() + 60 * 60_000) });
    await expectRefused(await send("PUT", future, "x"));
  });

  it("is refused for a key, upload or part other than the one signed", async () => {
    const { ref, plan } = await newUpload("elsewhere");
    const { urls } = await presignParts(ctx, ref, plan.uploadId, [1]);
    const url = urls[0]!.url;
    const [path, query] = url.split("?") as [string, string];
    // Another key: the published sermon's playlist, or a new object.
    await expectRefused(await send("PUT", `/s3/${BUCKET}/${publishedPlaylistKey}?${query}`, "x"));
    expect(await objectText(publishedPlaylistKey)).toBe(PLAYLIST);
    await expectRefused(await send("PUT", `${path}.mp3?${query}`, "x"));
    // Another part number, another upload id, an added parameter.
    await expectRefused(await send("PUT", url.replace("partNumber=1", "partNumber=2"), "x"));
    await expectRefused(await send("PUT", url.replace("uploadId=", "uploadId=x"), "x"));
    await expectRefused(await send("PUT", `${url}&versionId=1`, "x"));
    // The same URL with another method.
    await expectRefused(await send("GET", url));
  });

  it("is refused once the URL has expired", async () => {
    const { plan } = await newUpload("expired");
    const url = await presigned(
      new UploadPartCommand({
        Bucket: BUCKET,
        Key: plan.key,
        UploadId: await uploadIdOf(plan),
        PartNumber: 1,
      }),
      { expiresIn: 60, signingDate: new Date(Date.now() - 2 * 60_000) },
    );
    await expectRefused(await send("PUT", url, wav(4096)));
  });

  it("is refused with an unsigned x-amz- header (e.g. turning it into UploadPartCopy)", async () => {
    const { ref, plan } = await newUpload("copy");
    const { urls } = await presignParts(ctx, ref, plan.uploadId, [1]);
    await expectRefused(
      await send("PUT", urls[0]!.url, undefined, {
        "x-amz-copy-source": `/${BUCKET}/${draftOriginalKey}`,
      }),
    );
  });
});

describe("signed, but not an upload part", () => {
  it("a presigned GetObject URL of a draft's original is refused", async () => {
    const url = await presigned(new GetObjectCommand({ Bucket: BUCKET, Key: draftOriginalKey }));
    await expectRefused(await send("GET", url));
  });

  it("a presigned PutObject URL stores nothing", async () => {
    const key = `churches/${churchId}/put-object.txt`;
    const url = await presigned(new PutObjectCommand({ Bucket: BUCKET, Key: key }));
    await expectRefused(await send("PUT", url, "stored by a PutObject URL"));
    expect(await exists(key)).toBe(false);
    const overwrite = await presigned(
      new PutObjectCommand({ Bucket: BUCKET, Key: publishedPlaylistKey }),
    );
    await expectRefused(await send("PUT", overwrite, "#EXTM3U\nhttp://evil.example/"));
    expect(await objectText(publishedPlaylistKey)).toBe(PLAYLIST);
  });
});
