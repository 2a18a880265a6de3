import type { Metadata } from "next";
import Link from "next/link";
import { InsightsPanel } from "@/components/admin/insights/insights-panel";
import { ListeningChart } from "@/components/admin/insights/listening-chart";
import { RetentionChart } from "@/components/admin/insights/retention-chart";
import { RANGE_PRESETS } from "@/lib/catalog/insights/insights-range";
import { loadInsightsDashboard } from "@/lib/catalog/insights/load-insights-dashboard";
import { AppError } from "@/lib/platform/errors/app-error";
import { requireChurchPage } from "../../_lib/admin-session";

export const metadata: Metadata = { title: "Insights" };
export const dynamic = "force-dynamic";

type Params = { days?: string; from?: string; to?: string; sermon?: string };
const percent = (share: number) => `${Math.round(share * 100)}%`;

export default async function InsightsPage({
  params,
  searchParams,
}: {
  params: Promise<{ church: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { church: slug } = await params;
  const { church } = await requireChurchPage(slug);
  const raw = await searchParams;
  const query: Params = Object.fromEntries(
    (["days", "from", "to", "sermon"] as const).flatMap((key) =>
      typeof raw[key] === "string" && raw[key] ? [[key, raw[key]]] : [],
    ),
  );
  let problem: string | null = null;
  let dashboard;
  try {
    dashboard = await loadInsightsDashboard(church.id, query);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    problem = error.message;
    dashboard = await loadInsightsDashboard(church.id, {});
  }
  const { insights, retention } = dashboard;
  const rangeQuery: Record<string, string> = problem
    ? { days: "30" }
    : query.from || query.to
      ? { from: query.from ?? "", to: query.to ?? "" }
      : { days: query.days ?? "30" };
  const withRange = (extra: Record<string, string> = {}) =>
    new URLSearchParams({ ...rangeQuery, ...extra }).toString();
  const csv = (table: string) =>
    `/api/admin/churches/${encodeURIComponent(slug)}/insights.csv?${withRange({ table })}`;
  const isPreset = (days: number) =>
    !query.from && !query.to && (query.days ?? "30") === String(days);
  const { totals } = insights;

  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <h2 className="text-xl font-semibold text-stone-900">Listening insights</h2>
        <p className="text-sm text-stone-600">
          {insights.range.from} to {insights.range.to} (UTC days). Counted without knowing who
          listens (
          <Link href="/privacy" className="underline">
            how
          </Link>
          ); figures update every few minutes.
        </p>
        <nav aria-label="Date range" className="flex flex-wrap items-end gap-2">
          {RANGE_PRESETS.map((days) => (
            <Link
              key={days}
              href={`?days=${days}`}
              aria-current={isPreset(days) ? "page" : undefined}
              className={`rounded-md border px-3 py-1.5 text-sm ${isPreset(days) ? "border-amber-600 bg-amber-50 text-stone-900" : "border-stone-300 bg-white text-stone-700"}`}
            >
              {days === 365 ? "Year" : `${days} days`}
            </Link>
          ))}
          <form method="get" className="flex flex-wrap items-end gap-2">
            <label className="text-xs text-stone-600">
              From
              <input
                type="date"
                name="from"
                defaultValue={query.from ?? insights.range.from}
                className="ml-1 rounded-md border border-stone-300 px-2 py-1 text-sm"
              />
            </label>
            <label className="text-xs text-stone-600">
              To
              <input
                type="date"
                name="to"
                defaultValue={query.to ?? insights.range.to}
                className="ml-1 rounded-md border border-stone-300 px-2 py-1 text-sm"
              />
            </label>
            <button
              type="submit"
              className="rounded-md bg-stone-800 px-3 py-1.5 text-sm text-white"
            >
              Show
            </button>
          </form>
        </nav>
        {problem && (
          <p role="alert" className="text-sm text-red-700">
            {problem} Showing the last 30 days.
          </p>
        )}
      </header>

      <section aria-labelledby="totals" className="space-y-3">
        <h3 id="totals" className="sr-only">
          Totals
        </h3>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
          {[
            ["Plays", totals.plays.toLocaleString("en")],
            ["Listener-days", totals.listenerDays.toLocaleString("en")],
            ["Average completion", percent(totals.averageCompletion)],
            ["Completions", totals.completions.toLocaleString("en")],
            ["Feed downloads", totals.feedDownloads.toLocaleString("en")],
          ].map(([label, value]) => (
            <div key={label} className="rounded-lg border border-stone-200 bg-white p-3">
              <dt className="text-xs text-stone-600">{label}</dt>
              <dd className="text-lg font-semibold text-stone-900" data-testid={`total-${label}`}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <InsightsPanel
        id="over-time"
        title="Plays and listeners over time"
        csv={{ href: csv("daily"), label: "Export CSV (per day)" }}
      >
        <ListeningChart days={insights.daily} />
        <p className="text-xs text-stone-600">
          Web plays and unique listeners per day; podcast feed downloads are counted apart. A
          listener is counted once a day and cannot be recognised from one day to the next.
        </p>
      </InsightsPanel>

      <InsightsPanel
        id="retention"
        title={`Where listeners stop${retention ? `: ${retention.title}` : ""}`}
      >
        {retention && retention.listeners > 0 ? (
          <>
            <RetentionChart
              title={retention.title}
              curve={retention.curve}
              chapters={retention.chapters}
            />
            <p className="text-xs text-stone-600">
              The share of {retention.listeners.toLocaleString("en")} listeners who heard each 1% of
              the sermon; dashed lines are its chapters. Choose another sermon below.
            </p>
          </>
        ) : (
          <p className="text-sm text-stone-600">No listening in this range yet.</p>
        )}
      </InsightsPanel>

      <InsightsPanel
        id="top-sermons"
        title="Top sermons"
        csv={{ href: csv("sermons"), label: "Export CSV (sermons)" }}
      >
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-stone-600">
              <tr>
                <th className="py-1 pr-3 font-medium">Sermon</th>
                <th className="py-1 pr-3 text-right font-medium">Plays</th>
                <th className="py-1 pr-3 text-right font-medium">Average completion</th>
                <th className="py-1 pr-3 text-right font-medium">Completions</th>
                <th className="py-1 text-right font-medium">Feed downloads</th>
              </tr>
            </thead>
            <tbody>
              {insights.topSermons.map((sermon) => (
                <tr key={sermon.sermonId} className="border-t border-stone-100">
                  <td className="py-1.5 pr-3">
                    <Link
                      href={`?${withRange({ sermon: sermon.sermonId })}`}
                      className="text-stone-900 underline"
                      aria-current={retention?.sermonId === sermon.sermonId ? "true" : undefined}
                    >
                      {sermon.title}
                    </Link>
                  </td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{sermon.plays}</td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">
                    {percent(sermon.averageCompletion)}
                  </td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{sermon.completions}</td>
                  <td className="py-1.5 text-right tabular-nums">{sermon.feedDownloads}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {insights.topSermons.length === 0 && (
            <p className="text-sm text-stone-600">No plays in this range.</p>
          )}
        </div>
      </InsightsPanel>

      <InsightsPanel
        id="searches"
        title="What people search for"
        csv={{ href: csv("queries"), label: "Export CSV (searches)" }}
      >
        <div className="grid gap-6 sm:grid-cols-2">
          {[
            {
              title: "Top searches",
              rows: insights.topQueries,
              count: (row: { searches: number }) => row.searches,
            },
            {
              title: "Searches that found nothing",
              rows: insights.zeroResultQueries,
              count: (row: { zeroResults: number }) => row.zeroResults,
            },
          ].map((list) => (
            <div key={list.title}>
              <h4 className="mb-1 text-sm font-medium text-stone-800">{list.title}</h4>
              {list.rows.length ? (
                <ol className="space-y-1 text-sm">
                  {list.rows.map((row) => (
                    <li key={row.query} className="flex justify-between gap-3">
                      <Link
                        href={`/search?${new URLSearchParams({ q: row.query, church: slug })}`}
                        className="truncate text-stone-900 underline"
                      >
                        {row.query}
                      </Link>
                      <span className="tabular-nums text-stone-600">{list.count(row)}</span>
                    </li>
                  ))}
                </ol>
              ) : (
                <p className="text-sm text-stone-600">None in this range.</p>
              )}
            </div>
          ))}
        </div>
      </InsightsPanel>
    </div>
  );
}
