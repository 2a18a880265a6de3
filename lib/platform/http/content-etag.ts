import { createHash } from "node:crypto";

/** A strong ETag for a response made from `content`: equal content, equal tag. */
export function contentEtag(content: string): string {
  return `"${createHash("sha256").update(content).digest("base64url").slice(0, 27)}"`;
}

/** Whether the request's If-None-Match names `etag` (or `*`): answer 304 (RFC 9110 §13.1.2). */
export function matchesEtag(headers: Headers, etag: string): boolean {
  return (headers.get("if-none-match") ?? "")
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === etag || tag === "*");
}
