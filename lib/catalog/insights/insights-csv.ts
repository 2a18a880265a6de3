import { getDb } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors/app-error";
import { churchInsights } from "./church-insights";
import { parseInsightsRange } from "./insights-range";

export const INSIGHTS_CSV_TABLES = ["daily", "sermons", "queries"] as const;
type Table = (typeof INSIGHTS_CSV_TABLES)[number];

/** A CSV field: quoted when it holds a comma, quote or line break; a leading =+-@ is defused. */
const field = (value: string | number) => {
  let text = String(value);
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};
const rows = (lines: (string | number)[][]) =>
  lines.map((line) => line.map(field).join(",")).join("\r\n") + "\r\n";

/**
 * The insights page's figures as CSV, one table at a time (`?table=daily|sermons|queries`,
 * over the same range parameters as the page), for a spreadsheet.
 */
export async function insightsCsv(
  churchId: string,
  churchSlug: string,
  params: { days?: string; from?: string; to?: string; table?: string },
): Promise<{ filename: string; body: string }> {
  const table = (params.table ?? "daily") as Table;
  if (!INSIGHTS_CSV_TABLES.includes(table))
    throw AppError.invalidInput(`Expected table to be one of ${INSIGHTS_CSV_TABLES.join(", ")}.`);
  const range = parseInsightsRange(params);
  const insights = await churchInsights(getDb(), churchId, range, {
    topSermons: 10_000,
    topQueries: 1_000,
  });
  const filename = `${churchSlug}-${table}-${insights.range.from}-to-${insights.range.to}.csv`;
  if (table === "daily")
    return {
      filename,
      body: rows([
        ["day", "plays", "unique_listeners", "feed_downloads"],
        ...insights.daily.map((day) => [
          day.day,
          day.plays,
          day.uniqueListeners,
          day.feedDownloads,
        ]),
      ]),
    };
  if (table === "sermons")
    return {
      filename,
      body: rows([
        [
          "sermon_id",
          "title",
          "plays",
          "completions",
          "average_completion_percent",
          "feed_downloads",
        ],
        ...insights.topSermons.map((sermon) => [
          sermon.sermonId,
          sermon.title,
          sermon.plays,
          sermon.completions,
          Math.round(sermon.averageCompletion * 1000) / 10,
          sermon.feedDownloads,
        ]),
      ]),
    };
  const zero = new Map(insights.zeroResultQueries.map((row) => [row.query, row]));
  const all = [
    ...insights.topQueries,
    ...insights.zeroResultQueries.filter(
      (row) => !insights.topQueries.some((top) => top.query === row.query),
    ),
  ];
  return {
    filename,
    body: rows([
      ["query", "searches", "zero_result_searches"],
      ...all.map((row) => [
        row.query,
        row.searches,
        zero.get(row.query)?.zeroResults ?? row.zeroResults,
      ]),
    ]),
  };
}
