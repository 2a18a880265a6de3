import { timingSafeEqual } from "node:crypto";
import type { S3Client } from "@aws-sdk/client-s3";
import { SignatureV4 } from "@smithy/signature-v4";
import { AppError } from "@/lib/platform/errors/app-error";

/** The storage the app presigns upload URLs for, and the client whose credentials sign them. */
export interface PresignedUploadTarget {
  /** The storage endpoint the URLs are presigned for (S3_ENDPOINT). */
  endpoint: string;
  bucket: string;
  /** AWS_REGION: the region in the signature's credential scope. */
  region: string;
  /** The app's S3 client: the credentials it resolves are the ones the app presigns with. */
  s3: S3Client;
  now?: Date;
}

export interface PresignedUploadPart {
  /** Where to send it: the storage endpoint, with the signed path and query. */
  storageUrl: string;
  /** The object's key as it appears in the path (URI-encoded). */
  key: string;
  uploadId: string;
  partNumber: number;
}

const ALGORITHM = "AWS4-HMAC-SHA256";
const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
const MAX_EXPIRES_SECONDS = 7 * 24 * 60 * 60;
const CLOCK_SKEW_MS = 15 * 60 * 1000;
/** Query parameters the signer adds (and recomputes): every other one is signed as it stands. */
const SIGNER_PARAMS = [
  "X-Amz-Algorithm",
  "X-Amz-Credential",
  "X-Amz-Date",
  "X-Amz-Expires",
  "X-Amz-SignedHeaders",
  "X-Amz-Security-Token",
  "X-Amz-Signature",
];
/** What the SDK's presigner puts in an UploadPart URL besides the signer's parameters. */
const UPLOAD_PART_PARAMS = new Set(["partNumber", "uploadId", "x-id", "X-Amz-Content-Sha256"]);
const isChecksumParam = (name: string) =>
  name.startsWith("x-amz-checksum-") || name === "x-amz-sdk-checksum-algorithm";

const refuse = (message: string) => new AppError("forbidden", message);
const NOT_AN_UPLOAD_PART =
  "Storage is reached through /s3 only to upload a sermon's parts, with the URL the upload was given.";

/**
 * Checks that a request to the /s3 pass-through is an UploadPart the app presigned, before
 * anything is forwarded: a PUT with `partNumber` and `uploadId`, carrying an AWS SigV4
 * query-string signature that the app's own credentials reproduce (with the SDK's signer) for
 * exactly this method, bucket, key and query, scoped to this region and to s3, dated and not
 * expired. Storage behind the pass-through may check nothing (the embedded emulator does not),
 * so this is the only check. Anything else is an AppError `forbidden` (403).
 */
export async function verifyPresignedUploadPart(
  request: { method: string; path: string; search: string; headers: Headers },
  target: PresignedUploadTarget,
): Promise<PresignedUploadPart> {
  if (request.method !== "PUT") throw refuse(NOT_AN_UPLOAD_PART);
  const prefix = `/${target.bucket}/`;
  if (!request.path.startsWith(prefix) || request.path.length === prefix.length)
    throw refuse(NOT_AN_UPLOAD_PART);

  const params = new URLSearchParams(request.search);
  const received = new Map<string, string>();
  for (const [name, value] of params) {
    if (received.has(name)) throw refuse(`The upload URL names "${name}" twice.`);
    received.set(name, value);
  }
  if (!received.has("X-Amz-Signature"))
    throw refuse(`This request is not signed. ${NOT_AN_UPLOAD_PART}`);
  for (const name of received.keys())
    if (!SIGNER_PARAMS.includes(name) && !UPLOAD_PART_PARAMS.has(name) && !isChecksumParam(name))
      throw refuse(NOT_AN_UPLOAD_PART);
  const partNumber = received.get("partNumber") ?? "";
  const uploadId = received.get("uploadId") ?? "";
  const operation = received.get("x-id");
  if (
    !/^[1-9][0-9]{0,4}$/.test(partNumber) ||
    Number(partNumber) > 10_000 ||
    !uploadId ||
    (operation !== undefined && operation !== "UploadPart")
  )
    throw refuse(NOT_AN_UPLOAD_PART);
  for (const name of request.headers.keys())
    if (name.startsWith("x-amz-"))
      throw refuse(`The header ${name} is not part of the upload URL's signature.`);

  if (received.get("X-Amz-Algorithm") !== ALGORITHM)
    throw refuse(`The upload URL must be signed with ${ALGORITHM}.`);
  if (received.get("X-Amz-SignedHeaders") !== "host")
    throw refuse("The upload URL must sign the host header alone.");
  const signedAt = parseAmzDate(received.get("X-Amz-Date"));
  const expires = received.get("X-Amz-Expires") ?? "";
  if (!signedAt || !/^[1-9][0-9]{0,6}$/.test(expires) || Number(expires) > MAX_EXPIRES_SECONDS)
    throw refuse("The upload URL's date or lifetime is not valid.");
  const now = (target.now ?? new Date()).getTime();
  if (signedAt.getTime() > now + CLOCK_SKEW_MS)
    throw refuse("The upload URL is dated in the future; check the server's clock.");
  if (now >= signedAt.getTime() + Number(expires) * 1000)
    throw refuse("The upload URL has expired; pause and resume the upload to get new ones.");
  const scope = (received.get("X-Amz-Credential") ?? "").split("/");
  if (
    scope.length !== 5 ||
    scope[1] !== received.get("X-Amz-Date")!.slice(0, 8) ||
    scope[2] !== target.region ||
    scope[3] !== "s3" ||
    scope[4] !== "aws4_request"
  )
    throw refuse(`The upload URL must be signed for s3 in ${target.region}, on the day it names.`);

  // Sign the same request again, as the presigner did: what it adds must come out as received.
  const storage = new URL(target.endpoint);
  const query: Record<string, string> = {};
  for (const [name, value] of received) if (!SIGNER_PARAMS.includes(name)) query[name] = value;
  const signer = new SignatureV4({
    service: "s3",
    region: target.region,
    credentials: target.s3.config.credentials,
    sha256: target.s3.config.sha256,
    uriEscapePath: false,
    applyChecksum: false,
  });
  const signed = await signer.presign(
    {
      method: request.method,
      protocol: storage.protocol,
      hostname: storage.hostname,
      ...(storage.port ? { port: Number(storage.port) } : {}),
      path: request.path,
      query,
      // The presigner's payload hash; the signer moves it to the query, where it was received.
      headers: { host: storage.host, "X-Amz-Content-Sha256": UNSIGNED_PAYLOAD },
    },
    {
      signingDate: signedAt,
      expiresIn: Number(expires),
      signingRegion: target.region,
      signingService: "s3",
    },
  );
  const expected = signed.query as Record<string, string>;
  const names = new Set([...Object.keys(expected), ...received.keys()]);
  for (const name of names) {
    if (name === "X-Amz-Signature") continue;
    if (expected[name] !== received.get(name))
      throw refuse("The upload URL's signature does not match it; ask for a new one.");
  }
  if (!sameSecret(expected["X-Amz-Signature"] ?? "", received.get("X-Amz-Signature")!))
    throw refuse("The upload URL's signature does not match it; ask for a new one.");

  // The query goes on as it was verified: each value encoded the way the signature read it.
  const verifiedQuery = [...received]
    .map(([name, value]) => `${escapeUri(name)}=${escapeUri(value)}`)
    .join("&");
  return {
    storageUrl: `${storage.origin}${request.path}?${verifiedQuery}`,
    key: request.path.slice(prefix.length),
    uploadId,
    partNumber: Number(partNumber),
  };
}

/** RFC 3986 encoding, as SigV4's canonical query uses. */
const escapeUri = (value: string) =>
  encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/** X-Amz-Date's basic ISO 8601 form, e.g. 20260101T120000Z. */
function parseAmzDate(value: string | undefined): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? "");
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  const date = new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!, second!));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function sameSecret(expected: string, received: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(received);
  return a.length === b.length && timingSafeEqual(a, b);
}
