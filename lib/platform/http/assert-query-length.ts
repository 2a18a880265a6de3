import { AppError } from "@/lib/platform/errors/app-error";

/**
 * The longest query string (after the `?`, as sent: percent-encoded) a page or route handler
 * reads. The longest real search, 500 characters of words plus every filter, stays far below
 * it even in a script whose letters take 9 characters encoded; the fields' own limits (q: 500
 * characters) are checked by their parsers, with messages per field.
 */
export const MAX_QUERY_LENGTH = 8 * 1024;

/** Refuses an over-long query string with AppError `uri_too_long` (414) before anything parses it. */
export function assertQueryLength(url: string | URL, maxLength = MAX_QUERY_LENGTH): void {
  const { search } = typeof url === "string" ? new URL(url) : url;
  if (search.length - 1 > maxLength)
    throw new AppError(
      "uri_too_long",
      `This address is too long: its query is over ${maxLength / 1024} KB. Shorten the search and try again.`,
      { details: { maxQueryLength: maxLength } },
    );
}
