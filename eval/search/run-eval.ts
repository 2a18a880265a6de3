import type { Db } from "@/lib/platform/db/client";
import type { Embedder } from "@/lib/search/embeddings/embedder";
import { filterOf } from "@/lib/search/queries";
import { searchMoments, type SearchTuning } from "@/lib/search/search-moments";
import type { EvalDataset } from "./dataset";
import { ndcgAt10, recallAt10, reciprocalRank, type Judgements } from "./metrics";
import { paragraphTimings, seedIndexedSermon } from "./seed-sermon";

export type Figures = { ndcg10: number; recall10: number; mrr: number; queries: number };
export type ModeReport = { overall: Figures; byKind: Record<string, Figures> };

export const EVAL_CHURCH = "eval";

/** Seeds every sermon of the dataset into one church and returns, per query, the judged moment ids. */
export async function seedDataset(
  deps: { db: Db; embedder: Embedder },
  dataset: EvalDataset,
): Promise<Map<string, Judgements>> {
  const church = await deps.db.church.create({ data: { slug: EVAL_CHURCH, name: "Eval Church" } });
  const sermonIds = new Map<string, string>();
  for (const [stem, fixture] of dataset.sermons)
    sermonIds.set(stem, await seedIndexedSermon(deps, church.id, fixture));

  // A judged paragraph makes the moment that holds its start relevant (at its best grade).
  const chunks = await deps.db.chunk.findMany({
    select: { id: true, sermonId: true, startMs: true, endMs: true },
  });
  const judgements = new Map<string, Judgements>();
  for (const query of dataset.queries) {
    const grades = new Map<string, number>();
    for (const { sermon, paragraph, grade } of query.relevant) {
      const sermonId = sermonIds.get(sermon);
      const startMs = paragraphTimings(dataset.sermons.get(sermon)!.paragraphs)[paragraph]!.startMs;
      const chunk = chunks.find(
        (c) => c.sermonId === sermonId && c.startMs <= startMs && startMs < c.endMs,
      );
      if (chunk) grades.set(chunk.id, Math.max(grades.get(chunk.id) ?? 0, grade));
    }
    judgements.set(query.id, grades);
  }
  return judgements;
}

/** Runs every query in one configuration and averages the figures overall and per kind. */
export async function evaluate(
  deps: { db: Db; embedder: Embedder },
  dataset: EvalDataset,
  judgements: Map<string, Judgements>,
  tuning: SearchTuning,
): Promise<ModeReport> {
  const perKind = new Map<string, Array<Omit<Figures, "queries">>>();
  const all: Array<Omit<Figures, "queries">> = [];
  for (const query of dataset.queries) {
    const filter = { ...filterOf(query.filters ?? {}), churchSlug: EVAL_CHURCH };
    const hits = await searchMoments(deps, { query: query.query, filter, limit: 10 }, tuning);
    const ranked = hits.map((hit) => hit.id);
    const judged = judgements.get(query.id)!;
    const figures = {
      ndcg10: ndcgAt10(ranked, judged),
      recall10: recallAt10(ranked, judged),
      mrr: reciprocalRank(ranked, judged),
    };
    all.push(figures);
    perKind.set(query.kind, [...(perKind.get(query.kind) ?? []), figures]);
  }
  return {
    overall: mean(all),
    byKind: Object.fromEntries([...perKind].map(([kind, list]) => [kind, mean(list)])),
  };
}

function mean(list: Array<Omit<Figures, "queries">>): Figures {
  const average = (pick: (f: Omit<Figures, "queries">) => number) =>
    round(list.reduce((sum, f) => sum + pick(f), 0) / Math.max(1, list.length));
  return {
    ndcg10: average((f) => f.ndcg10),
    recall10: average((f) => f.recall10),
    mrr: average((f) => f.mrr),
    queries: list.length,
  };
}

const round = (value: number) => Math.round(value * 1000) / 1000;
