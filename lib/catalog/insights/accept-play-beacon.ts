import { clientAddressOf } from "@/lib/platform/auth/client-address";
import { getDb } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors/app-error";
import { createRateLimiter } from "@/lib/platform/http/create-rate-limiter";
import { readJsonBody } from "@/lib/platform/http/read-json-body";
import { processListenerHasher } from "./daily-listener-hasher";
import { ingestPlayEvents } from "./ingest-play-events";
import { playEventBatchSchema } from "./play-event-batch";

/** A beacon of 50 reports is under 8 KB; room to spare, nothing more. */
const MAX_BEACON_BYTES = 16 * 1024;

/**
 * Beacons per client (its address and user agent, hashed): the player sends one every 30 s
 * and as the page hides, so 20 at once and one every 2 s more covers skipping between
 * sermons; a flood from one client is refused (429) before it reaches the database.
 */
const beacons = createRateLimiter({ burst: 20, refillMs: 2_000 });

/**
 * POST /api/play-events: `{ events: [{ sermonId, kind, positionMs, fromMs? }] }` as JSON,
 * text/plain or a Blob (navigator.sendBeacon sends either), 202 `{ accepted, ignored }`.
 * The client's address and user agent are read for the hash and the rate limit and then
 * dropped with the request.
 */
export async function acceptPlayBeacon(request: Request): Promise<Response> {
  const origin = {
    address: clientAddressOf(request.headers),
    userAgent: request.headers.get("user-agent"),
  };
  const hasher = processListenerHasher();
  const verdict = beacons.take(hasher.hash(origin, "beacon"));
  if (!verdict.allowed)
    throw new AppError(
      "rate_limited",
      `Too many play reports from this client. Wait ${verdict.retryAfterSeconds} s.`,
      { retryAfterMs: verdict.retryAfterSeconds * 1000 },
    );
  const body = await readJsonBody(request, {
    maxBytes: MAX_BEACON_BYTES,
    shape: "{ events: [{ sermonId, kind, positionMs, fromMs? }] }",
  });
  const batch = playEventBatchSchema.safeParse(body);
  if (!batch.success)
    throw AppError.invalidInput(
      "Expected { events: [...] } with 1 to 50 play reports (sermonId, kind, positionMs).",
    );
  const outcome = await ingestPlayEvents(getDb(), { events: batch.data.events, origin, hasher });
  return Response.json(outcome, { status: 202, headers: { "cache-control": "no-store" } });
}
