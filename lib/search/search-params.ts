import { z } from "zod";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD")
  // Date.parse accepts 2026-02-31 (it rolls over), so the date must survive a round trip.
  .refine(
    (value) => !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().startsWith(value),
    "expected a real calendar date",
  );
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `expected at most ${max} characters`)
    .transform((value) => value || undefined)
    .optional();

export const MAX_RESULTS = 50;

/**
 * What a search is asked in the URL (/search and GET /api/search share it): the words and
 * the filters, all optional except that something must be asked.
 */
export const searchParamsSchema = z
  .object({
    q: optionalText(500),
    church: optionalText(100),
    speaker: optionalText(64),
    series: optionalText(64),
    from: day.optional().or(z.literal("").transform(() => undefined)),
    to: day.optional().or(z.literal("").transform(() => undefined)),
    passage: optionalText(200),
    limit: z.coerce
      .number({ message: "expected a number" })
      .int("expected a whole number")
      .min(1, "expected at least 1")
      .max(MAX_RESULTS, `expected at most ${MAX_RESULTS}`)
      .default(10),
  })
  .refine((params) => !params.from || !params.to || params.from <= params.to, {
    path: ["to"],
    message: "expected a date on or after `from`",
  });

export type SearchParams = z.output<typeof searchParamsSchema>;

/** URLSearchParams (or Next's searchParams object) as a plain record, first value wins. */
export function searchParamsRecord(
  input: URLSearchParams | Record<string, string | string[] | undefined>,
): Record<string, string> {
  const entries =
    input instanceof URLSearchParams
      ? [...input.keys()].map((key) => [key, input.get(key)] as const)
      : Object.entries(input).map(
          ([key, value]) => [key, Array.isArray(value) ? value[0] : value] as const,
        );
  return Object.fromEntries(
    entries.filter((entry): entry is readonly [string, string] => typeof entry[1] === "string"),
  );
}
