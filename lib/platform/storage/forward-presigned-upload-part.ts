import {
  type PresignedUploadTarget,
  verifyPresignedUploadPart,
} from "./verify-presigned-upload-part";

/** Request headers an UploadPart needs; x-amz- headers are refused unless signed (none are). */
const FORWARDED_REQUEST = ["content-type", "content-length", "content-md5"];
const FORWARDED_RESPONSE = ["etag", "content-type", "content-length", "last-modified"];

/**
 * The same-origin pass-through to storage that sends no CORS headers (the embedded emulator):
 * `request` is a browser's PUT of one upload part to `<mount>/<bucket>/<key>?<presigned query>`.
 * Its signature, expiry and operation are verified first (verifyPresignedUploadPart; a refusal
 * is an AppError `forbidden` and nothing is forwarded), then the body is streamed to storage
 * and storage's answer (status, ETag) streamed back.
 */
export async function forwardPresignedUploadPart(
  request: Request,
  mount: string,
  target: PresignedUploadTarget,
): Promise<Response> {
  const url = new URL(request.url);
  const part = await verifyPresignedUploadPart(
    {
      method: request.method,
      path: url.pathname.startsWith(`${mount}/`) ? url.pathname.slice(mount.length) : "",
      search: url.search,
      headers: request.headers,
    },
    target,
  );
  const headers = new Headers();
  for (const name of FORWARDED_REQUEST) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  const upstream = await fetch(part.storageUrl, {
    method: "PUT",
    headers,
    body: request.body,
    duplex: "half",
  } as RequestInit);
  const responseHeaders = new Headers();
  for (const name of FORWARDED_RESPONSE) {
    const value = upstream.headers.get(name);
    if (value !== null) responseHeaders.set(name, value);
  }
  return new Response(upstream.body, { status: upstream.status, headers: responseHeaders });
}
