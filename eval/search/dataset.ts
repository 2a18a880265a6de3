import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { SermonFixture } from "./seed-sermon";

/**
 * An eval dataset is a folder:
 *   sermons/<stem>.json  {title, speaker, series, date (YYYY-MM-DD), mainPassage, paragraphs: [string]}
 *                        each paragraph becomes one transcript segment
 *   queries.json         [{id, kind, query, filters?, relevant: [{sermon: <stem>, paragraph: <index>, grade: 1|2|3}]}]
 * `kind` is free text (lexical, paraphrase, scripture, question…); figures are reported per kind.
 * `filters` takes the /search URL parameters: church, speaker, series, from, to, passage
 * (every sermon is seeded into one church, slug "eval"). Grades: 3 answers the query,
 * 2 is clearly about it, 1 touches it.
 */
const sermonSchema = z.object({
  title: z.string().min(1),
  speaker: z.string().min(1),
  series: z.string().min(1).nullish(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  mainPassage: z.string().min(1).nullish(),
  paragraphs: z.array(z.string().min(1)).min(1),
});

const querySchema = z.object({
  id: z.string().min(1),
  kind: z.string().min(1),
  query: z.string().min(1),
  filters: z
    .object({
      church: z.string(),
      speaker: z.string(),
      series: z.string(),
      from: z.string(),
      to: z.string(),
      passage: z.string(),
    })
    .partial()
    .optional(),
  relevant: z
    .array(
      z.object({
        sermon: z.string(),
        paragraph: z.number().int().min(0),
        grade: z.union([z.literal(1), z.literal(2), z.literal(3)]),
      }),
    )
    .min(1),
});

export type EvalQuery = z.output<typeof querySchema>;
export type EvalDataset = { sermons: Map<string, SermonFixture>; queries: EvalQuery[] };

export class InvalidDatasetError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = "InvalidDatasetError";
  }
}

async function readJson(file: string, name = file): Promise<unknown> {
  const text = await readFile(file, "utf8");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InvalidDatasetError(name, `not JSON (${(error as Error).message})`);
  }
}

export async function loadDataset(dir: string): Promise<EvalDataset> {
  const sermons = new Map<string, SermonFixture>();
  const files = (await readdir(path.join(dir, "sermons")))
    .filter((name) => name.endsWith(".json"))
    .sort();
  for (const file of files) {
    const parsed = sermonSchema.safeParse(await readJson(path.join(dir, "sermons", file), file));
    if (!parsed.success) throw new InvalidDatasetError(file, z.prettifyError(parsed.error));
    sermons.set(file.replace(/\.json$/, ""), parsed.data);
  }
  const queriesFile = path.join(dir, "queries.json");
  const parsed = z.array(querySchema).safeParse(await readJson(queriesFile));
  if (!parsed.success) throw new InvalidDatasetError(queriesFile, z.prettifyError(parsed.error));
  for (const query of parsed.data) {
    for (const { sermon, paragraph } of query.relevant) {
      const fixture = sermons.get(sermon);
      if (!fixture)
        throw new InvalidDatasetError(queriesFile, `${query.id} names unknown sermon ${sermon}`);
      if (paragraph >= fixture.paragraphs.length)
        throw new InvalidDatasetError(
          queriesFile,
          `${query.id}: ${sermon} has no paragraph ${paragraph}`,
        );
    }
  }
  return { sermons, queries: parsed.data };
}
