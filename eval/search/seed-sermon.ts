import type { Db } from "@/lib/platform/db/client";
import type { Embedder } from "@/lib/search/embeddings/embedder";
import type { PublishState } from "@/lib/platform/db/generated/prisma/enums";
import { parsePassages } from "@/lib/catalog/scripture/parse-passages";
import { indexSermon } from "@/lib/pipeline/indexing/index-sermon";
import { slugify } from "@/lib/platform/text/slugify";

/** A sermon of known content, as the eval datasets (eval/search/<name>/sermons/*.json) hold it. */
export type SermonFixture = {
  title: string;
  speaker: string;
  series?: string | null;
  /** YYYY-MM-DD */
  date: string;
  mainPassage?: string | null;
  paragraphs: string[];
};

export type SeedOptions = {
  publishState?: PublishState;
  publishAt?: Date;
  /** Passages quoted in the sermon (ScriptureRef source spoken). */
  spokenPassages?: string[];
  /** A recogniser's confidence for every segment (the transcript is then a machine one). */
  confidence?: number;
};

/** Speaking pace used to give each paragraph a duration: 150 words a minute. */
const MS_PER_WORD = 400;

/** Where each paragraph starts and ends when read at MS_PER_WORD. */
export function paragraphTimings(
  paragraphs: readonly string[],
): Array<{ startMs: number; endMs: number }> {
  let at = 0;
  return paragraphs.map((text) => {
    const startMs = at;
    at += Math.max(1, text.split(/\s+/).length) * MS_PER_WORD;
    return { startMs, endMs: at };
  });
}

/**
 * Creates a transcribed sermon (speaker and series created on first use, each paragraph one
 * transcript segment) and indexes it with the real indexing code. Returns its id.
 */
export async function seedIndexedSermon(
  deps: { db: Db; embedder: Embedder },
  churchId: string,
  fixture: SermonFixture,
  options: SeedOptions = {},
): Promise<string> {
  const { db } = deps;
  const speaker = await db.speaker.upsert({
    where: { churchId_name: { churchId, name: fixture.speaker } },
    create: { churchId, slug: slugify(fixture.speaker), name: fixture.speaker },
    update: {},
  });
  const series = fixture.series
    ? await db.series.upsert({
        where: { churchId_slug: { churchId, slug: slugify(fixture.series) } },
        create: { churchId, slug: slugify(fixture.series), title: fixture.series },
        update: {},
      })
    : null;
  const main = fixture.mainPassage ? parsePassages(fixture.mainPassage).passages : [];
  const spoken = (options.spokenPassages ?? []).flatMap((text) => parsePassages(text).passages);
  const timings = paragraphTimings(fixture.paragraphs);
  const sermon = await db.sermon.create({
    data: {
      churchId,
      speakerId: speaker.id,
      seriesId: series?.id ?? null,
      slug: `${slugify(fixture.title)}-${fixture.date}`,
      title: fixture.title,
      preachedOn: new Date(`${fixture.date}T00:00:00Z`),
      status: "transcribed",
      publishState: options.publishState ?? "published",
      publishAt: options.publishAt ?? null,
      mediaVersion: 1,
      durationMs: timings.at(-1)?.endMs ?? 0,
      scriptureRefs: {
        create: [
          ...main.map(({ text, ...range }) => ({ ...range, text, source: "main" as const })),
          ...spoken.map(({ text, ...range }) => ({ ...range, text, source: "spoken" as const })),
        ],
      },
      transcripts: {
        create: {
          provider: options.confidence === undefined ? "provided" : "local",
          segments: {
            create: fixture.paragraphs.map((text, position) => ({
              position,
              text,
              ...timings[position]!,
              confidence: options.confidence ?? null,
            })),
          },
        },
      },
    },
  });
  await indexSermon(deps, { sermonId: sermon.id, churchId, mediaVersion: 1 });
  return sermon.id;
}
