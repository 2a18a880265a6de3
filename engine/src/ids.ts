import { randomBytes } from "node:crypto";
import { monotonicFactory } from "ulid";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const nextMonotonic = monotonicFactory();

/** A new ULID; monotonic within this process so ids sort in creation order. */
export function newUlid(now = Date.now()): string {
  return nextMonotonic(now);
}

function encodeUlid(timeMs: number, random: Uint8Array): string {
  let time = "";
  let t = timeMs;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  let bits = 0n;
  for (const byte of random) bits = (bits << 8n) | BigInt(byte);
  let rand = "";
  for (let i = 0; i < 16; i++) {
    rand = CROCKFORD[Number(bits & 31n)] + rand;
    bits >>= 5n;
  }
  return time + rand;
}

export interface EventIdSeed {
  millis: number;
  entropy: Uint8Array;
}

/** Parses `x-inngest-event-id-seed: <unixMillis>,<base64 of 10 bytes>`; undefined when absent or invalid. */
export function parseEventIdSeed(header: string | undefined): EventIdSeed | undefined {
  if (!header) return undefined;
  const [millisText, entropyText] = header.split(",");
  const millis = Number(millisText);
  if (!Number.isSafeInteger(millis) || millis <= 0 || !entropyText) return undefined;
  const entropy = Buffer.from(entropyText, "base64");
  if (entropy.length !== 10) return undefined;
  return { millis, entropy: new Uint8Array(entropy) };
}

/**
 * The event's internal id. With a seed it is deterministic (so the SDK's own retries of a
 * send produce the same ids, as on Inngest): the last 4 entropy bytes are read as a
 * big-endian uint32 and the event's 1-based position is added.
 */
export function eventUlid(seed: EventIdSeed | undefined, position: number): string {
  if (!seed) return encodeUlid(Date.now(), randomBytes(10));
  const bytes = new Uint8Array(seed.entropy);
  const view = new DataView(bytes.buffer);
  view.setUint32(6, (view.getUint32(6) + position) >>> 0);
  return encodeUlid(seed.millis, bytes);
}
