import { z } from "zod";
import { AppError } from "@/lib/platform/errors/app-error";

/** `{ "positionMs": n }` and room to spare; anything bigger is not a progress report (413). */
export const PROGRESS_MAX_BODY_BYTES = 1024;

/** Within this of the end (or a tenth of a short sermon), a sermon counts as listened to. */
export const COMPLETED_WITHIN_MS = 30_000;

/** The longest position kept for a sermon whose length is not known yet (still processing). */
export const MAX_POSITION_MS = 24 * 60 * 60 * 1000;

const MESSAGE =
  'positionMs must be a number of milliseconds, 0 or more, e.g. { "positionMs": 754000 }.';

// z.number() already refuses NaN and ±Infinity (JSON's 1e400 parses as Infinity).
const progressBody = z.object({
  positionMs: z.number({ error: MESSAGE }).min(0, { error: MESSAGE }),
});

/** The position a PUT (or beacon) reports, whole milliseconds; a clear 400 for anything else. */
export function parseProgressBody(json: unknown): number {
  const parsed = progressBody.safeParse(json);
  if (!parsed.success)
    throw new AppError("bad_request", MESSAGE, { fields: { positionMs: [MESSAGE] } });
  return Math.round(parsed.data.positionMs);
}

/**
 * What is kept of a reported position: no further than the sermon's end (or MAX_POSITION_MS
 * while its length is unknown), and `completed` once it is within COMPLETED_WITHIN_MS of it.
 */
export function settlePosition(
  positionMs: number,
  durationMs: number | null,
): { positionMs: number; completed: boolean } {
  if (durationMs === null || durationMs <= 0)
    return { positionMs: Math.min(positionMs, MAX_POSITION_MS), completed: false };
  const kept = Math.min(positionMs, durationMs);
  const margin = Math.min(COMPLETED_WITHIN_MS, durationMs / 10);
  return { positionMs: kept, completed: kept >= durationMs - margin };
}
