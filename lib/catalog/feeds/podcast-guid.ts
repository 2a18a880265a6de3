import { createHash } from "node:crypto";

/** The Podcasting 2.0 namespace's UUIDv5 namespace for podcast:guid. */
export const PODCAST_GUID_NAMESPACE = "ead4c236-bf58-58c6-a2c6-a6b28d128cb6";

/**
 * A feed's podcast:guid, as the Podcasting 2.0 spec makes it: a UUIDv5 (RFC 9562 §5.5, SHA-1)
 * in PODCAST_GUID_NAMESPACE of the feed's URL with its scheme and trailing slashes removed, so
 * anyone holding the URL computes the same one.
 */
export function podcastGuid(feedUrl: string): string {
  const name = feedUrl.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").replace(/\/+$/, "");
  const namespace = Buffer.from(PODCAST_GUID_NAMESPACE.replaceAll("-", ""), "hex");
  const bytes = createHash("sha1").update(namespace).update(name, "utf8").digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.toString("hex");
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join("-");
}
