// Arguments of `npm run eval:search`, and the dataset they name, checked before anything starts:
// a mistake is one EvalUsageError line (exit code 2), never a stack trace.
import { stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { type EvalDataset, InvalidDatasetError, loadDataset } from "./dataset";
import type { QuerySplit } from "./split-queries";

export const DEFAULT_DATASET_DIR = "eval/search/default";
export const EVAL_USAGE =
  "npm run eval:search -- [--dataset DIR] [--split dev|heldout] [--rrf-k N] [--fts-weight W] [--vector-weight W]";

export class EvalUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EvalUsageError";
  }
}

export interface EvalArgs {
  datasetDir: string;
  /** Half of the queries (see splitQueries): tune on dev, measure held-out only at the end. */
  split?: QuerySplit;
  /** Overrides of the configured fusion settings; absent keeps the configured value. */
  rrfK?: number;
  ftsWeight?: number;
  vectorWeight?: number;
}

/** `--dataset DIR` (or DIR alone, the older form) and the fusion overrides. */
export function parseEvalArgs(args: string[]): EvalArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        dataset: { type: "string" },
        split: { type: "string" },
        "rrf-k": { type: "string" },
        "fts-weight": { type: "string" },
        "vector-weight": { type: "string" },
      },
    });
  } catch (error) {
    const unknown = /^Unknown option '([^']+)'/.exec((error as Error).message)?.[1];
    throw new EvalUsageError(
      `${unknown ? `unknown option ${unknown}` : (error as Error).message}; usage: ${EVAL_USAGE}`,
    );
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1 || (positionals.length === 1 && values.dataset !== undefined)) {
    throw new EvalUsageError(
      `one dataset folder, please (got ${[values.dataset, ...positionals].filter(Boolean).join(", ")}); usage: ${EVAL_USAGE}`,
    );
  }
  const split = values.split;
  if (split !== undefined && split !== "dev" && split !== "heldout")
    throw new EvalUsageError(`--split ${split}: expected dev or heldout`);
  return {
    datasetDir: values.dataset ?? positionals[0] ?? DEFAULT_DATASET_DIR,
    split,
    rrfK: number("--rrf-k", values["rrf-k"], { min: 1, max: 1000, whole: true }),
    ftsWeight: number("--fts-weight", values["fts-weight"], { min: 0, max: 10 }),
    vectorWeight: number("--vector-weight", values["vector-weight"], { min: 0, max: 10 }),
  };
}

function number(
  flag: string,
  text: string | undefined,
  limits: { min: number; max: number; whole?: boolean },
): number | undefined {
  if (text === undefined) return undefined;
  const value = text.trim() === "" ? Number.NaN : Number(text);
  if (
    !Number.isFinite(value) ||
    value < limits.min ||
    value > limits.max ||
    (limits.whole && !Number.isInteger(value))
  ) {
    throw new EvalUsageError(
      `${flag} ${text}: expected a ${limits.whole ? "whole number" : "number"} from ${limits.min} to ${limits.max}`,
    );
  }
  return value;
}

/** The dataset in `dir`; an EvalUsageError that says what is wrong with it otherwise. */
export async function loadEvalDataset(dir: string): Promise<EvalDataset> {
  const problem = (text: string) =>
    new EvalUsageError(
      `dataset ${dir}: ${text} (a dataset is a folder with sermons/*.json and queries.json; see eval/search/dataset.ts)`,
    );
  const info = await stat(dir).catch(() => undefined);
  if (!info) throw problem("no such folder");
  if (!info.isDirectory()) throw problem("not a folder");
  let dataset: EvalDataset;
  try {
    dataset = await loadDataset(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR")
      throw problem(`${(error as NodeJS.ErrnoException).path ?? "a file"} is missing`);
    if (error instanceof InvalidDatasetError)
      throw problem(error.message.replace(/\s*\n\s*/g, "; "));
    throw error;
  }
  if (dataset.sermons.size === 0) throw problem("no sermons");
  if (dataset.queries.length === 0) throw problem("no queries");
  return dataset;
}
