import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_CHURCH_SLUG, seedDemoChurch } from "@/lib/catalog/churches/seed-demo-church";
import { loadDemoSermons, type DemoSermon } from "@/lib/pipeline/demo-seed/demo-sermon";
import { seedDemoSermons } from "@/lib/pipeline/demo-seed/seed-demo-sermons";
import { configuredEmbedder } from "@/lib/search/embeddings/configured-embedder";
import { searchMoments } from "@/lib/search/search-moments";
import { type Pipeline, startPipeline } from "./support/pipeline-harness";

let pipeline: Pipeline;
let cacheDir: string;
let sermons: DemoSermon[];

beforeAll(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), "selah-demo-seed-test-"));
  pipeline = await startPipeline();
  // The start of two demo sermons (their passage read aloud and what follows), to keep it short.
  sermons = (await loadDemoSermons())
    .filter((sermon) => /worry|seventy/i.test(sermon.title))
    .map((sermon) => ({ ...sermon, paragraphs: sermon.paragraphs.slice(0, 4) }));
  expect(sermons).toHaveLength(2);
});

afterAll(async () => {
  await pipeline?.stop();
  await rm(cacheDir, { recursive: true, force: true });
});

/** The top hit's sermon for a question that shares no word with the sermon it should find. */
async function topSermonFor(question: string, mustNotContain: readonly string[]) {
  const spoken = sermons
    .flatMap((sermon) => sermon.paragraphs)
    .join(" ")
    .toLowerCase();
  for (const word of mustNotContain) expect(spoken, word).not.toMatch(new RegExp(`\\b${word}`));
  const [top] = await searchMoments(
    { db: pipeline.db, embedder: configuredEmbedder() },
    { query: question, filter: { churchSlug: DEMO_CHURCH_SLUG }, limit: 5 },
  );
  return top?.sermonTitle;
}

it("reads the demo sermons aloud and sends them through the pipeline; a paraphrase finds them; a second run adds nothing", async () => {
  const { db, storage } = pipeline;
  await seedDemoChurch(db);
  const deps = { db, storage, maxBytes: 100 * 1024 * 1024, cacheDir };
  const progress: string[] = [];
  const seeded = await seedDemoSermons(deps, sermons, {
    onProgress: (line) => progress.push(line),
  });

  expect(seeded.map(({ title, origin, failure }) => ({ title, origin, failure }))).toEqual(
    sermons.map((sermon) => ({ title: sermon.title, origin: "added", failure: null })),
  );
  expect(progress).toContainEqual(
    expect.stringMatching(/^Demo sermon 1 of 2, ".+": reading it aloud$/),
  );
  for (const { sermonId } of seeded) {
    const sermon = await db.sermon.findUniqueOrThrow({
      where: { id: sermonId },
      include: { speaker: true, transcripts: { where: { isCurrent: true } } },
    });
    expect(sermon).toMatchObject({ status: "searchable", publishState: "published" });
    expect(sermon.manuscript).toBeTruthy();
    expect(sermon.speaker?.name).toBeTruthy();
    // Aligned with the manuscript it was added with.
    expect(sermon.transcripts[0]?.wordsKey).toContain("-manuscript-");
  }

  expect(await topSermonFor("anxiety about finances", ["anxiety", "financ"])).toBe(
    sermons[0]!.title,
  );
  expect(await topSermonFor("pardoning an offender", ["pardon", "offend"])).toBe(sermons[1]!.title);

  expect(await seedDemoSermons(deps, sermons)).toEqual([]);
  const church = await db.church.findUniqueOrThrow({ where: { slug: DEMO_CHURCH_SLUG } });
  expect(await db.sermon.count({ where: { churchId: church.id } })).toBe(2);
}, 600_000);
