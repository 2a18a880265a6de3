import type { Db } from "@/lib/platform/db/client";
import type { Embedder } from "@/lib/search/embeddings/embedder";
import { CONFIDENCE_THRESHOLDS } from "@/lib/catalog/transcripts/confidence-thresholds";
import {
  chunkConfidences,
  type EligibleFilter,
  HIGHLIGHT_END,
  HIGHLIGHT_START,
  fullTextCandidates,
  loadMoments,
  type MomentRow,
  selectEligibleSermons,
  vectorCandidates,
} from "./chunk-sql";
import { fuseRanks } from "./fuse-ranks";
import { weighByConfidence } from "./weigh-by-confidence";
import { momentHref } from "./moment-href";
import { snippetParts, type SnippetPart } from "./snippet-parts";

export type SearchMode = "hybrid" | "fts" | "vector";

export type SearchRequest = { query: string; filter: EligibleFilter; limit: number };

export type SearchTuning = {
  mode: SearchMode;
  /** RRF's k; see fuseRanks. */
  rrfK: number;
  ftsWeight: number;
  vectorWeight: number;
  /** Up to this many eligible moments, vectors are ranked exactly instead of through HNSW. */
  exactScanMaxRows: number;
  /** Share of its score a moment the recogniser was not sure of at all loses (0: none). */
  confidencePenalty: number;
};

export const DEFAULT_TUNING: SearchTuning = {
  mode: "hybrid",
  rrfK: 60,
  ftsWeight: 1,
  vectorWeight: 1,
  exactScanMaxRows: 8000,
  confidencePenalty: CONFIDENCE_THRESHOLDS.searchPenalty,
};

/** One moment of one sermon, ready to show and to play from. */
export type MomentHit = {
  id: string;
  sermonId: string;
  sermonTitle: string;
  churchSlug: string;
  churchName: string;
  speakerName: string | null;
  seriesTitle: string | null;
  /** YYYY-MM-DD */
  preachedOn: string | null;
  mainPassage: string | null;
  startMs: number;
  endMs: number;
  text: string;
  snippet: SnippetPart[];
  href: string;
  score: number;
};

// The embedded database runs one transaction at a time, so waiting for a turn is normal
// under load; Prisma's 2 s default would fail searches that are merely queued.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 10_000 };

export type SearchDeps = { db: Db; embedder: Embedder; now?: () => Date };

/**
 * Hybrid retrieval over moments: full text and vector nearest neighbours, each restricted to
 * the sermons the listener may see and the filters ask for, fused by reciprocal rank and
 * weighed gently by how sure the recogniser was of each moment's words. The
 * query is embedded before the transaction opens (the embedded database serves one
 * transaction at a time, so nothing slow runs inside one).
 */
export async function searchMoments(
  deps: SearchDeps,
  request: SearchRequest,
  tuning: SearchTuning = DEFAULT_TUNING,
): Promise<MomentHit[]> {
  const query = request.query.trim();
  if (!query) return [];
  const embedding = tuning.mode === "fts" ? null : (await deps.embedder.embed([query]))[0];
  const candidates = Math.max(40, request.limit * 4);
  const now = deps.now?.() ?? new Date();

  const rows = await deps.db.$transaction(async (tx) => {
    const scope = await selectEligibleSermons(tx, request.filter, now);
    if (scope.kind === "only" && scope.ids.length === 0) return [];
    const textRanked =
      tuning.mode === "vector" ? [] : await fullTextCandidates(tx, query, scope, candidates);
    const vectorRanked = embedding
      ? await vectorCandidates(tx, embedding, scope, candidates, {
          exactScanMaxRows: tuning.exactScanMaxRows,
        })
      : [];
    const ranks = fuseRanks(
      [
        { ids: textRanked.map((row) => row.id), weight: tuning.ftsWeight },
        { ids: vectorRanked.map((row) => row.id), weight: tuning.vectorWeight },
      ],
      tuning.rrfK,
    );
    const fused = (
      tuning.confidencePenalty > 0
        ? weighByConfidence(
            ranks,
            await chunkConfidences(
              tx,
              ranks.map((hit) => hit.id),
            ),
            tuning.confidencePenalty,
          )
        : ranks
    ).slice(0, request.limit);
    const moments = new Map(
      (
        await loadMoments(
          tx,
          fused.map((hit) => hit.id),
          query,
        )
      ).map((row) => [row.id, row]),
    );
    return fused.flatMap(({ id, score }) => {
      const row = moments.get(id);
      return row ? [{ row, score }] : [];
    });
  }, TRANSACTION_OPTIONS);
  return rows.map(({ row, score }) => toHit(row, score));
}

/** Marks a snippet cut from the middle of the moment with … where words were left out. */
function withEllipses(snippet: string, text: string): string {
  const plain = snippet.replaceAll(HIGHLIGHT_START, "").replaceAll(HIGHLIGHT_END, "").trim();
  const head = text.trim().startsWith(plain.slice(0, 20)) ? "" : "… ";
  const tail = text.trim().endsWith(plain.slice(-20)) ? "" : " …";
  return `${head}${snippet.trim()}${tail}`;
}

function toHit(row: MomentRow, score: number): MomentHit {
  return {
    id: row.id,
    sermonId: row.sermonId,
    sermonTitle: row.sermonTitle,
    churchSlug: row.churchSlug,
    churchName: row.churchName,
    speakerName: row.speakerName,
    seriesTitle: row.seriesTitle,
    preachedOn: row.preachedOn ? row.preachedOn.toISOString().slice(0, 10) : null,
    mainPassage: row.mainPassage,
    startMs: row.startMs,
    endMs: row.endMs,
    text: row.text,
    snippet: snippetParts(withEllipses(row.snippet, row.text)),
    href: momentHref(row),
    score,
  };
}
