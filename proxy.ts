// Next.js's proxy (Next 16's name for middleware), for pages only: a fresh CSP nonce per request
// and the page security headers (lib/platform/http/security-headers.ts), and over-long query
// strings refused (414) before a page parses them. It checks nothing about who is asking: every
// page, action and route handler does that itself. Route handlers, media and static files are
// not matched (their headers come from next.config.ts), so their request bodies, which Next.js
// would buffer for a proxy, stream straight to the handlers and their own limits. Which pages
// other sites may frame (the embeddable player) is security-headers.ts's EMBEDDABLE_PAGES.
import { type NextRequest, NextResponse } from "next/server";
import { z } from "zod";
import { awsEnvSchema } from "@/lib/platform/config/aws-env";
import { parseEnv } from "@/lib/platform/config/parse-env";
import { uploadEnvSchema } from "@/lib/platform/config/upload-env";
import { AppError } from "@/lib/platform/errors/app-error";
import { assertQueryLength } from "@/lib/platform/http/assert-query-length";
import { pageSecurityHeaders } from "@/lib/platform/http/security-headers";
import { browserStorageOrigin } from "@/lib/platform/storage/browser-storage-origin";

const storageEnvSchema = z.intersection(
  awsEnvSchema.pick({
    AWS_REGION: true,
    S3_ENDPOINT: true,
    S3_BUCKET: true,
    S3_FORCE_PATH_STYLE: true,
  }),
  uploadEnvSchema.pick({ S3_BROWSER_PROXY: true }),
);
let connectOrigins: string[] | undefined;
/** The admin's uploader PUTs parts straight to storage: pages may connect there. */
const storageOrigins = () => {
  if (connectOrigins) return connectOrigins;
  const origin = browserStorageOrigin(parseEnv(storageEnvSchema, process.env));
  connectOrigins = origin ? [origin] : [];
  return connectOrigins;
};

const cameOverHttps = (request: NextRequest) =>
  request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ||
  request.nextUrl.protocol === "https:";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const security = pageSecurityHeaders({
    pathname: request.nextUrl.pathname,
    nonce,
    isDev: process.env.NODE_ENV === "development",
    isHttps: cameOverHttps(request),
    connectOrigins: storageOrigins(),
  });
  try {
    assertQueryLength(request.nextUrl);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return new NextResponse(error.message, {
      status: error.status,
      headers: { ...security, "content-type": "text/plain; charset=utf-8" },
    });
  }
  // Next.js reads the nonce from the request's CSP header and puts it on its scripts and styles.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", security["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      // Everything but route handlers (/api, /media, /captions, /s3, /preview: share images,
      // /serwist: the service worker, whose own CSP would bind its fetches) and
      // Next.js's static files.
      source:
        "/((?!api/|media/|captions/|s3/|preview/|serwist/|_next/static/|_next/image|favicon\\.ico).*)",
      // Prefetches and server action calls answer with RSC data, not HTML: no scripts to allow.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
        { type: "header", key: "next-action" },
      ],
    },
  ],
};
