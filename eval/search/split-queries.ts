import type { EvalQuery } from "./dataset";

export type QuerySplit = "dev" | "heldout";

/**
 * One half of the queries: within each kind, sorted by id, every other query. Tuning on one
 * half and measuring the other shows whether a change helps queries it was not tuned on.
 */
export function splitQueries(queries: EvalQuery[], split: QuerySplit): EvalQuery[] {
  const byKind = new Map<string, EvalQuery[]>();
  for (const query of queries) byKind.set(query.kind, [...(byKind.get(query.kind) ?? []), query]);
  const wanted = split === "dev" ? 0 : 1;
  const kept = new Set<EvalQuery>();
  for (const list of byKind.values())
    [...list]
      .sort((a, b) => a.id.localeCompare(b.id))
      .forEach((query, index) => index % 2 === wanted && kept.add(query));
  return queries.filter((query) => kept.has(query));
}
