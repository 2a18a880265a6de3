import { recordSearch } from "@/lib/catalog/insights/record-search";
import type { RequestOrigin } from "@/lib/catalog/insights/daily-listener-hasher";
import { webLogger } from "@/lib/platform/telemetry/logger";
import { parseEnv } from "@/lib/platform/config/parse-env";
import { searchEnvSchema } from "@/lib/platform/config/search-env";
import { getDb } from "@/lib/platform/db/client";
import { configuredEmbedder } from "@/lib/search/embeddings/configured-embedder";
import type { EligibleFilter } from "./chunk-sql";
import { parseScriptureFilter } from "./scripture-filter";
import type { SearchParams } from "./search-params";
import { type MomentHit, searchMoments, type SearchTuning } from "./search-moments";
import { searchTuning } from "./search-tuning";
import { webMetrics } from "@/lib/platform/telemetry/web-metrics";

export type SearchOutcome = { hits: MomentHit[]; scripture: string | null; tookMs: number };

let tuning: SearchTuning | undefined;

function configuredTuning(): SearchTuning {
  tuning ??= searchTuning(parseEnv(searchEnvSchema, process.env));
  return tuning;
}

/** The filter the URL asks for. Throws UnrecognisedScriptureError for an unreadable passage. */
export function filterOf(
  params: Pick<SearchParams, "church" | "speaker" | "series" | "from" | "to" | "passage">,
): EligibleFilter {
  return {
    churchSlug: params.church,
    speakerId: params.speaker,
    seriesId: params.series,
    from: params.from,
    to: params.to,
    scripture: params.passage ? parseScriptureFilter(params.passage) : undefined,
  };
}

/** A listener's search, as /search and GET /api/search run it. */
export async function runSearch(
  params: SearchParams,
  /** Who asked (read from the request, never stored): the search is counted for insights. */
  origin?: RequestOrigin,
): Promise<SearchOutcome> {
  const started = performance.now();
  const filter = filterOf(params);
  const hits = params.q
    ? await searchMoments(
        { db: getDb(), embedder: configuredEmbedder() },
        { query: params.q, filter, limit: params.limit },
        configuredTuning(),
      )
    : [];
  const tookMs = performance.now() - started;
  webMetrics().searchSeconds.observe(tookMs / 1000);
  if (origin && params.q)
    void recordSearch({
      query: params.q,
      churchSlug: params.church,
      foundChurchSlugs: hits.map((hit) => hit.churchSlug),
      origin,
    }).catch((error: unknown) => webLogger().warn({ err: error }, "search not counted"));
  return { hits, scripture: filter.scripture?.label ?? null, tookMs: Math.round(tookMs) };
}

export type SearchFacets = {
  churches: Array<{ slug: string; name: string }>;
  speakers: Array<{ id: string; name: string; churchSlug: string }>;
  series: Array<{ id: string; title: string; churchSlug: string }>;
};

/** The choices for the filter controls: only what has something searchable behind it. */
export async function searchFacets(): Promise<SearchFacets> {
  const db = getDb();
  const hasChunks = { sermons: { some: { chunks: { some: {} } } } };
  const [churches, speakers, series] = await Promise.all([
    db.church.findMany({
      where: hasChunks,
      orderBy: { name: "asc" },
      select: { slug: true, name: true },
    }),
    db.speaker.findMany({
      where: hasChunks,
      orderBy: { name: "asc" },
      select: { id: true, name: true, church: { select: { slug: true } } },
    }),
    db.series.findMany({
      where: hasChunks,
      orderBy: { title: "asc" },
      select: { id: true, title: true, church: { select: { slug: true } } },
    }),
  ]);
  return {
    churches,
    speakers: speakers.map(({ church, ...speaker }) => ({ ...speaker, churchSlug: church.slug })),
    series: series.map(({ church, ...entry }) => ({ ...entry, churchSlug: church.slug })),
  };
}
