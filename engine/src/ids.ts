import { randomBytes } from "node:crypto";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

// Random bytes drawn from a pool: one crypto call per 400 ids instead of one per id.
let pool = Buffer.alloc(0);
let poolOffset = 0;
function random10(): Uint8Array {
  if (poolOffset + 10 > pool.length) {
    pool = randomBytes(4000);
    poolOffset = 0;
  }
  const bytes = new Uint8Array(pool.subarray(poolOffset, poolOffset + 10));
  poolOffset += 10;
  return bytes;
}

let lastTime = -1;
let lastRandom: Uint8Array = new Uint8Array(10);

/** Adds one to an 80-bit big-endian number in place. */
function increment(bytes: Uint8Array): void {
  for (let i = bytes.length - 1; i >= 0; i--) {
    bytes[i] = ((bytes[i] ?? 0) + 1) & 0xff;
    if (bytes[i] !== 0) return;
  }
}

/** A new ULID; monotonic within this process (same millisecond → random part + 1) so ids sort in creation order. */
export function newUlid(now = Date.now()): string {
  if (now <= lastTime) {
    increment(lastRandom);
  } else {
    lastTime = now;
    lastRandom = random10();
  }
  return encodeUlid(lastTime, lastRandom);
}

function encodeUlid(timeMs: number, random: Uint8Array): string {
  let time = "";
  let t = timeMs;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  // 80 random bits = 16 base-32 characters, read 5 bits at a time from the front.
  let rand = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of random) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      rand += CROCKFORD[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
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
  if (!seed) return encodeUlid(Date.now(), random10());
  const bytes = new Uint8Array(seed.entropy);
  const view = new DataView(bytes.buffer);
  view.setUint32(6, (view.getUint32(6) + position) >>> 0);
  return encodeUlid(seed.millis, bytes);
}
