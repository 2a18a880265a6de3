// PUT/GET/HEAD /s3/:bucket/:key — same-origin pass-through to storage that sends no CORS headers
// (the embedded emulator). On for S3_BROWSER_PROXY=true only; URLs stay presigned by storage.
import { serverEnv } from "@/lib/platform/config/server-env";

const FORWARDED_REQUEST = [
  "content-type",
  "content-length",
  "content-md5",
  "range",
  "if-match",
  "if-none-match",
];
const FORWARDED_RESPONSE = [
  "etag",
  "content-type",
  "content-length",
  "content-range",
  "accept-ranges",
  "last-modified",
];

async function forward(request: Request): Promise<Response> {
  const env = serverEnv();
  if (!env.S3_BROWSER_PROXY || !env.S3_ENDPOINT) return new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  const path = url.pathname.slice("/s3".length);
  if (!path.startsWith(`/${env.S3_BUCKET}/`)) return new Response("Not found", { status: 404 });
  const headers = new Headers();
  for (const name of FORWARDED_REQUEST) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  for (const [name, value] of request.headers)
    if (name.startsWith("x-amz-")) headers.set(name, value);
  const hasBody = request.method === "PUT" || request.method === "POST";
  const upstream = await fetch(`${env.S3_ENDPOINT}${path}${url.search}`, {
    method: request.method,
    headers,
    body: hasBody ? request.body : undefined,
    ...(hasBody ? { duplex: "half" } : {}),
  } as RequestInit);
  const responseHeaders = new Headers();
  for (const name of FORWARDED_RESPONSE) {
    const value = upstream.headers.get(name);
    if (value !== null) responseHeaders.set(name, value);
  }
  return new Response(request.method === "HEAD" ? null : upstream.body, {
    status: upstream.status,
    headers: responseHeaders,
  });
}

export { forward as GET, forward as HEAD, forward as PUT };
