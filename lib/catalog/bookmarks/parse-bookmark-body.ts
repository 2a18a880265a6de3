import { z } from "zod";
import { AppError } from "@/lib/platform/errors/app-error";
import { fieldErrorsOf } from "@/lib/platform/validation/form-result";
import { clampNote } from "./clamp-note";

const POSITION =
  'positionMs must be a number of milliseconds, 0 or more, e.g. { "positionMs": 754000, "note": "the three questions" }.';
const NOTE = "note must be text (or left out).";

// z.number() already refuses NaN and ±Infinity (JSON's 1e400 parses as Infinity).
const bookmarkBody = z.object({
  positionMs: z.number({ error: POSITION }).min(0, { error: POSITION }),
  note: z.string({ error: NOTE }).optional(),
});

/** A new bookmark's moment (whole milliseconds) and note (clampNote); a clear 400 otherwise. */
export function parseBookmarkBody(json: unknown): { positionMs: number; note: string } {
  const parsed = bookmarkBody.safeParse(json);
  if (!parsed.success) {
    const fields = fieldErrorsOf(parsed.error);
    const message = fields.positionMs?.[0] ?? fields.note?.[0] ?? POSITION;
    throw new AppError("bad_request", message, { fields });
  }
  return {
    positionMs: Math.round(parsed.data.positionMs),
    note: clampNote(parsed.data.note ?? ""),
  };
}
