const DAY_MS = 24 * 60 * 60 * 1000;

/** Midnight UTC of the day `at` falls on, `offsetDays` later (or earlier, when negative). */
export function utcDay(at: Date, offsetDays = 0): Date {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS + offsetDays * DAY_MS);
}
