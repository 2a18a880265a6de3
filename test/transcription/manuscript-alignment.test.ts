import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sermonManuscriptChanged } from "@/lib/pipeline/events/pipeline-events";
import { requestManuscriptAlignment } from "@/lib/pipeline/transcription/manuscript/request-manuscript-alignment";
import { spokenTokens } from "@/lib/pipeline/transcription/manuscript/spoken-tokens";
import { type Pipeline, startPipeline } from "@/test/pipeline/support/pipeline-harness";
import { generateSpokenParagraphs, type SpokenParagraphs } from "@/test/support/spoken-paragraphs";
import { wordErrorRate } from "@/test/support/word-error-rate";

const SPOKEN = [
  "Grace and peace to you. Today we read from the letter to the Romans, chapter 8.",
  "There is therefore now no condemnation for those who are in Christ Jesus. Let us pray.",
];
// Markdown, with a heading that is never read aloud.
const MANUSCRIPT = `# Romans 8

Grace and *peace* to you. Today we read from the letter to the **Romans**, chapter 8.

There is therefore now no condemnation for those who are in Christ Jesus. Let us pray.
`;
const tokensOf = (text: string) => text.split(/\s+/).flatMap(spokenTokens);

let pipeline: Pipeline;
let workDir: string;
let speech: SpokenParagraphs;
let sermon: { id: string; churchId: string };

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "selah-manuscript-test-"));
  [pipeline, speech] = await Promise.all([
    startPipeline(),
    generateSpokenParagraphs(workDir, SPOKEN),
  ]);
}, 300_000);

afterAll(async () => {
  await pipeline?.stop();
  await rm(workDir, { recursive: true, force: true });
});

const currentTranscript = () =>
  pipeline.db.transcript.findFirstOrThrow({
    where: { sermonId: sermon.id, isCurrent: true },
    include: { segments: { orderBy: { position: "asc" } } },
  });

describe("a manuscript aligned to the local recogniser's hearing, through the pipeline", () => {
  it("makes the transcript the manuscript's words, timed to the audio", async () => {
    sermon = await pipeline.createSermon({ slug: "with-manuscript" });
    await pipeline.db.sermon.update({
      where: { id: sermon.id },
      data: { manuscript: MANUSCRIPT, transcriptionProvider: "local" },
    });
    await pipeline.upload(sermon, speech.path, { fileName: "sermon.m4a" });
    await pipeline.waitForStatus(sermon.id, ["transcribed", "searchable"], 400_000);

    const transcript = await currentTranscript();
    expect(transcript.model).toBe("pocketsphinx en-us + manuscript");
    expect(transcript.wordsKey).toMatch(
      /\/transcripts\/local-manuscript-[0-9a-f]{16}\/words\.json$/,
    );
    const text = transcript.segments.map((segment) => segment.text).join(" ");
    // The manuscript's own spelling (the recogniser hears "eight"), its heading left out.
    expect(text).toContain("Romans, chapter 8.");
    expect(wordErrorRate(tokensOf(SPOKEN.join(" ")), tokensOf(text))).toBeLessThanOrEqual(0.05);
    expect(transcript.segments.every((segment) => segment.source === "manuscript")).toBe(true);
    // The second paragraph starts a segment where it was spoken.
    const second = transcript.segments.find((segment) => segment.text.startsWith("There"));
    expect(Math.abs((second?.startMs ?? -1e9) - (speech.paragraphStartsMs[1] ?? 0))).toBeLessThan(
      500,
    );
  }, 450_000);

  it("aligns again when the manuscript changes, leaving out what was not said", async () => {
    const before = await currentTranscript();
    const changed = MANUSCRIPT.replace(
      "Let us pray.",
      "We will now sing the closing hymn together.",
    );
    await pipeline.db.sermon.update({ where: { id: sermon.id }, data: { manuscript: changed } });

    const eventId = await requestManuscriptAlignment(pipeline.db, {
      churchId: sermon.churchId,
      sermonId: sermon.id,
    });
    expect(eventId).toMatch(/^sermon-manuscript-changed:/);
    const run = await pipeline.endedRun(eventId!, 400_000, sermonManuscriptChanged.name);
    expect(run.status).toBe("Completed");

    const after = await currentTranscript();
    expect(after.id).not.toBe(before.id);
    const text = after.segments.map((segment) => segment.text).join(" ");
    expect(text).toContain("no condemnation for those who are in Christ Jesus.");
    expect(text).not.toMatch(/hymn/);
    // Saving the same manuscript again asks for nothing.
    expect(
      await requestManuscriptAlignment(pipeline.db, {
        churchId: sermon.churchId,
        sermonId: sermon.id,
      }),
    ).toBeNull();
  }, 450_000);
});
