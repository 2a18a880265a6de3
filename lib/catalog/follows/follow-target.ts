import { z } from "zod";
import { AppError } from "@/lib/platform/errors/app-error";
import { fieldErrorsOf } from "@/lib/platform/validation/form-result";

/** `{ "kind": "series", "church": "grace", "slug": "romans" }` and room to spare. */
export const FOLLOW_MAX_BODY_BYTES = 1024;

const slug = z.string().min(1).max(200);

/**
 * What a listener follows, named by the slugs of its listener page (the same shape as a
 * podcast feed's scope): a church, or one of its series or speakers.
 */
export const followTargetSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("church"), church: slug }),
  z.object({ kind: z.enum(["series", "speaker"]), church: slug, slug }),
]);

export type FollowTarget = z.output<typeof followTargetSchema>;

/** A request's follow target, or a 400 saying what to send. */
export function parseFollowTarget(json: unknown): FollowTarget {
  const parsed = followTargetSchema.safeParse(json);
  if (!parsed.success)
    throw new AppError(
      "bad_request",
      'Send what to follow: { "kind": "church", "church": "<church>" }, or kind "series" or "speaker" with its "slug".',
      { fields: fieldErrorsOf(parsed.error) },
    );
  return parsed.data;
}
