import { z } from "zod";
import { AppError } from "@/lib/platform/errors/app-error";
import { utcDay } from "./utc-day";

/** Whole UTC days, both ends included. */
export interface InsightsRange {
  from: Date;
  to: Date;
}

export const RANGE_PRESETS = [7, 30, 90, 365] as const;
const MAX_RANGE_DAYS = 366 * 3;
const DAY_MS = 24 * 60 * 60 * 1000;

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => new Date(`${value}T00:00:00Z`).toISOString().startsWith(value));

/**
 * The dashboard's range from its query: `?days=7|30|90|365` (ending today, the default 30) or
 * `?from=YYYY-MM-DD&to=YYYY-MM-DD`; anything else is an AppError naming what is expected.
 */
export function parseInsightsRange(
  params: { days?: string; from?: string; to?: string },
  now: Date = new Date(),
): InsightsRange {
  if (params.from || params.to) {
    const from = isoDay.safeParse(params.from);
    const to = isoDay.safeParse(params.to);
    if (!from.success || !to.success)
      throw AppError.invalidInput("Expected from and to as dates, YYYY-MM-DD.");
    const range = {
      from: new Date(`${from.data}T00:00:00Z`),
      to: new Date(`${to.data}T00:00:00Z`),
    };
    if (range.from > range.to) throw AppError.invalidInput("Expected from on or before to.");
    if ((range.to.getTime() - range.from.getTime()) / DAY_MS > MAX_RANGE_DAYS)
      throw AppError.invalidInput("Expected a range of at most three years.");
    return range;
  }
  const days = Number(params.days ?? 30);
  if (!RANGE_PRESETS.includes(days as (typeof RANGE_PRESETS)[number]))
    throw AppError.invalidInput(`Expected days to be one of ${RANGE_PRESETS.join(", ")}.`);
  return { from: utcDay(now, -(days - 1)), to: utcDay(now) };
}

/** Each day of the range as YYYY-MM-DD, in order. */
export function daysOf(range: InsightsRange): string[] {
  const days: string[] = [];
  for (let at = range.from.getTime(); at <= range.to.getTime(); at += DAY_MS)
    days.push(new Date(at).toISOString().slice(0, 10));
  return days;
}
