// npm run eval:search [-- --dataset DIR] [--split dev|heldout] [--rrf-k 60] [--fts-weight 1] [--vector-weight 0.5]
// (DIR alone, without --dataset, works too; the default is eval/search/default.)
// Seeds the dataset into a throwaway embedded database with the configured embedder
// (EMBEDDING_PROVIDER…), then prints nDCG@10, Recall@10 and MRR for full text alone, vectors
// alone and hybrid, overall and per query kind. The last line is one JSON object.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseEnv } from "@/lib/platform/config/parse-env";
import { searchEnvSchema } from "@/lib/platform/config/search-env";
import type { EvalDataset } from "@/eval/search/dataset";
import {
  type EvalArgs,
  EvalUsageError,
  loadEvalDataset,
  parseEvalArgs,
} from "@/eval/search/eval-args";
import { evaluate, type ModeReport, seedDataset } from "@/eval/search/run-eval";
import { splitQueries } from "@/eval/search/split-queries";
import { createDb } from "@/lib/platform/db/client";
import { migrate } from "@/lib/platform/db/migrate";
import { ensureVectorColumn } from "@/lib/platform/db/vector-column";
import { startEmbeddedDatabase } from "@/lib/platform/embedded/start-embedded-database";
import { createEmbedder } from "@/lib/search/embeddings/create-embedder";
import { readEmbeddingConfig } from "@/lib/search/embeddings/read-embedding-config";
import type { SearchMode } from "@/lib/search/search-moments";
import { searchTuning } from "@/lib/search/search-tuning";
import { runCli } from "./cli/run-cli";

let args: EvalArgs;
let dataset: EvalDataset;
try {
  args = parseEvalArgs(process.argv.slice(2));
  dataset = await loadEvalDataset(args.datasetDir);
  if (args.split) dataset = { ...dataset, queries: splitQueries(dataset.queries, args.split) };
} catch (error) {
  if (!(error instanceof EvalUsageError)) throw error;
  console.error(`eval:search: ${error.message}`);
  process.exit(2);
}
// Past the arguments, a failure (a bad EMBEDDING_* setting, the database) is `error: …`, exit 1.
await runCli(async () => {
  const datasetDir = args.datasetDir;
  const config = readEmbeddingConfig();
  const configured = searchTuning(parseEnv(searchEnvSchema, process.env));
  const embedder = createEmbedder(config);

  const dir = mkdtempSync(path.join(tmpdir(), "selah-eval-"));
  const database = await startEmbeddedDatabase({ dataDir: path.join(dir, "pglite"), port: 0 });
  const db = createDb(database.url);
  try {
    await migrate(database.url);
    await ensureVectorColumn(database.url, config.EMBEDDING_DIMENSIONS);
    const started = performance.now();
    const judgements = await seedDataset({ db, embedder }, dataset);
    console.log(
      `Seeded ${dataset.sermons.size} sermons (${await db.chunk.count()} moments) with ${embedder.model}/${embedder.dimensions} in ${Math.round(performance.now() - started)} ms.`,
    );

    const tuning = {
      ...configured,
      rrfK: args.rrfK ?? configured.rrfK,
      ftsWeight: args.ftsWeight ?? configured.ftsWeight,
      vectorWeight: args.vectorWeight ?? configured.vectorWeight,
    };
    const reports: Record<SearchMode, ModeReport> = {
      fts: await evaluate({ db, embedder }, dataset, judgements, { ...tuning, mode: "fts" }),
      vector: await evaluate({ db, embedder }, dataset, judgements, { ...tuning, mode: "vector" }),
      hybrid: await evaluate({ db, embedder }, dataset, judgements, { ...tuning, mode: "hybrid" }),
    };

    const kinds = Object.keys(reports.hybrid.byKind);
    const pad = (text: string, width: number) => text.padEnd(width);
    console.log(
      `\n${pad("kind", 12)}${pad("queries", 9)}${["fts", "vector", "hybrid"].map((m) => pad(`${m} nDCG/R@10/MRR`, 26)).join("")}`,
    );
    for (const kind of [...kinds, "overall"]) {
      const row = (["fts", "vector", "hybrid"] as const).map((mode) => {
        const f = kind === "overall" ? reports[mode].overall : reports[mode].byKind[kind]!;
        return pad(`${f.ndcg10.toFixed(3)} / ${f.recall10.toFixed(3)} / ${f.mrr.toFixed(3)}`, 26);
      });
      const count =
        kind === "overall" ? reports.hybrid.overall.queries : reports.hybrid.byKind[kind]!.queries;
      console.log(`${pad(kind, 12)}${pad(String(count), 9)}${row.join("")}`);
    }
    console.log(
      JSON.stringify({
        dataset: datasetDir,
        split: args.split ?? "all",
        embedder: `${embedder.model}/${embedder.dimensions}`,
        tuning,
        ...reports,
      }),
    );
  } finally {
    await db.$disconnect();
    await database.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
