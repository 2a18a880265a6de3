import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MachineTranscript } from "@/lib/catalog/transcripts/transcript";
import { transcriptQuality } from "@/lib/catalog/transcripts/transcript-quality";
import type { Db } from "@/lib/platform/db/client";
import { startChurchDatabase, type ChurchDatabase } from "@/test/support/church-database";
import { groupWordsIntoSegments } from "./group-words-into-segments";
import { parsePocketsphinxOutput } from "./local/parse-pocketsphinx-output";
import { alignTranscriptToManuscript } from "./manuscript/align-transcript-to-manuscript";
import { parseManuscript } from "./manuscript/parse-manuscript";
import { PROVIDED, storeTranscript } from "./store-transcript";

let church: ChurchDatabase;
let db: Db;
let churchId: string;
beforeAll(async () => {
  church = await startChurchDatabase("quality", 2);
  ({ db, churchId } = church);
});
afterAll(() => church?.stop());

// The recogniser's words, sure of the greeting and guessing at the rest.
const heard = parsePocketsphinxOutput(`good 0.030 0.220 0.95
morning 0.230 0.650 0.9
church 0.710 0.890 0.92
we 3.000 3.200 0.1
gather 3.200 3.600 0.05
in 3.600 3.700 0.08
his 3.700 3.900 0.1
name 3.900 4.300 0.02
`);

async function store(slug: string, transcript: MachineTranscript) {
  const sermon = await db.sermon.create({
    data: { churchId, slug, title: slug, mediaVersion: 1 },
  });
  const prefix = `churches/${churchId}/sermons/${sermon.id}/v1/transcripts/${slug}`;
  await storeTranscript(db, { sermonId: sermon.id, churchId, mediaVersion: 1 }, transcript, {
    wordsKey: `${prefix}/words.json`,
    vttKey: `${prefix}/captions.vtt`,
  });
  return sermon.id;
}

describe("from the recogniser's words to the admin's quality estimate", () => {
  it("stores word and segment confidence and flags the doubtful sermon, not the aligned one nor captions", async () => {
    const recognised = await store("recognised", {
      provider: "local",
      model: "pocketsphinx en-us",
      language: "en-US",
      confidence: null,
      segments: groupWordsIntoSegments(heard),
      words: heard,
    });
    const aligned = alignTranscriptToManuscript(
      parseManuscript("Good morning church. We gather in his name."),
      heard,
    );
    const manuscript = await store("manuscript", {
      provider: "local",
      model: "pocketsphinx en-us",
      language: "en-US",
      confidence: null,
      segments: aligned.segments,
      words: aligned.words,
    });
    const captions = await store("captions", {
      provider: PROVIDED,
      model: "vtt",
      language: null,
      confidence: null,
      segments: [{ startMs: 0, endMs: 4300, text: "Good morning church.", speaker: null }],
      words: [],
    });

    const segments = await db.transcriptSegment.findMany({
      where: { transcript: { sermonId: recognised } },
      orderBy: { position: "asc" },
    });
    expect(segments.map((segment) => segment.wordConfidences)).toEqual([
      [0.95, 0.9, 0.92],
      [0.1, 0.05, 0.08, 0.1, 0.02],
    ]);

    const quality = await transcriptQuality(db, churchId);
    const doubtful = quality.get(recognised)!;
    // Duration-weighted: 0.86 s heard well, 1.3 s guessed.
    expect(doubtful.quality).toBeCloseTo((0.9233 * 860 + 0.07 * 1300) / 2160, 2);
    expect(doubtful).toMatchObject({ uncertainSegments: 1, needsReview: true });
    expect(quality.get(manuscript)).toMatchObject({
      quality: 1,
      uncertainSegments: 0,
      needsReview: false,
    });
    expect(quality.get(captions)).toMatchObject({
      quality: null,
      uncertainSegments: 0,
      needsReview: false,
    });
  });
});
