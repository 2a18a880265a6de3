import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/**
 * Signed mode (INNGEST_SIGNING_KEY set): the same scheme Inngest Cloud and `inngest start` use
 * with the SDK, byte for byte as `inngest` 4.x computes it (helpers/net.ts, helpers/strings.ts).
 *
 * - Signature: `t=<unix seconds>&s=<hex HMAC-SHA256>`; the HMAC key is the signing key with its
 *   `signkey-<env>-` prefix removed, as UTF-8 text (not hex-decoded); the message is the body
 *   followed by the decimal timestamp. Requests to the app are signed over the RFC 8785
 *   canonical JSON of the body (the SDK re-parses and canonicalises before verifying), so the
 *   engine sends exactly the canonical text it signed. The SDK signs its responses over the raw
 *   body text with the key that verified the request.
 * - Bearer token: what the SDK sends to the engine is the *hashed* key:
 *   `signkey-<env>-` + hex SHA-256 of the hex-decoded rest.
 * - Freshness: a signature more than 5 minutes from this clock, either way, is refused.
 */

const PREFIX = /^signkey-\w+-/;
/** What both the SDK and Inngest accept: `signkey-<env>-<hex>`, an even number of hex digits. */
export const SIGNING_KEY_PATTERN = /^signkey-\w+-(?:[0-9a-fA-F]{2})+$/;
export const MAX_SIGNATURE_AGE_MS = 5 * 60_000;

export interface SigningKeys {
  signingKey: string;
  signingKeyFallback?: string | undefined;
}

/** RFC 8785 (JCS) as the `canonicalize` package the SDK uses does it: keys sorted by UTF-16 code units. */
export function canonicalJson(value: unknown): string {
  if (
    value === null ||
    typeof value !== "object" ||
    typeof (value as { toJSON?: unknown }).toJSON === "function"
  ) {
    return JSON.stringify(value) as string;
  }
  if (Array.isArray(value)) {
    return `[${value.map((item: unknown) => canonicalJson(item === undefined || typeof item === "symbol" || typeof item === "function" ? null : item)).join(",")}]`;
  }
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const item = record[key];
    if (item === undefined || typeof item === "symbol" || typeof item === "function") continue;
    parts.push(`${JSON.stringify(key)}:${canonicalJson(item)}`);
  }
  return `{${parts.join(",")}}`;
}

function hmacHex(key: string, text: string, timestamp: string): string {
  return createHmac("sha256", key.replace(PREFIX, "")).update(text).update(timestamp).digest("hex");
}

/** `X-Inngest-Signature` for a body (already in the exact form that is sent). */
export function signatureFor(text: string, signingKey: string, nowMs = Date.now()): string {
  const timestamp = String(Math.round(nowMs / 1000));
  return `t=${timestamp}&s=${hmacHex(signingKey, text, timestamp)}`;
}

/** Constant-time comparison that does not leak the length through an early return either. */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

/**
 * Checks a signature over `text`; undefined when it is valid for one of the keys, otherwise
 * why not (for an error message; it never contains a key).
 */
export function signatureProblem(
  header: string | null | undefined,
  text: string,
  keys: SigningKeys,
  nowMs = Date.now(),
): string | undefined {
  if (!header) return "no X-Inngest-Signature";
  const params = new URLSearchParams(header);
  const timestamp = params.get("t") ?? "";
  const signature = params.get("s") ?? "";
  if (!/^\d{1,12}$/.test(timestamp) || !signature) return "a malformed X-Inngest-Signature";
  if (Math.abs(nowMs - Number(timestamp) * 1000) > MAX_SIGNATURE_AGE_MS)
    return "an expired X-Inngest-Signature";
  for (const key of [keys.signingKey, keys.signingKeyFallback]) {
    if (key && sameSecret(signature, hmacHex(key, text, timestamp))) return undefined;
  }
  return "an X-Inngest-Signature that does not match the signing key";
}

/** The hashed form the SDK sends as `Authorization: Bearer …`. */
export function hashSigningKey(signingKey: string): string {
  const prefix = PREFIX.exec(signingKey)?.[0] ?? "";
  return `${prefix}${createHash("sha256")
    .update(Buffer.from(signingKey.replace(PREFIX, ""), "hex"))
    .digest("hex")}`;
}

/** `Authorization: Bearer <key or its hash>`, with either the signing key or the fallback. */
export function bearerAuthorized(authorization: string | undefined, keys: SigningKeys): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match?.[1]) return false;
  const token = match[1];
  let ok = false;
  for (const key of [keys.signingKey, keys.signingKeyFallback]) {
    if (!key) continue;
    // No short-circuit: every candidate is compared, so timing says nothing about which matched.
    ok = sameSecret(token, key) || ok;
    ok = sameSecret(token, hashSigningKey(key)) || ok;
  }
  return ok;
}

/** Whether `key` (the last segment of `/e/<key>`) is one of the configured event keys. */
export function eventKeyAccepted(key: string, eventKeys: readonly string[]): boolean {
  let ok = false;
  for (const expected of eventKeys) ok = sameSecret(key, expected) || ok;
  return ok;
}
