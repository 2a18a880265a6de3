import { describe, expect, it } from "vitest";
import { parsePassages } from "@/lib/catalog/scripture/parse-passages";
import type { TranscriptSegmentDraft } from "@/lib/catalog/transcripts/transcript";
import { findSpokenScripture } from "@/lib/pipeline/transcription/find-spoken-scripture";
import { type ChapterEvidence, findChapters } from "./find-chapters";

/** Sentence lists of topic words, so each part reads as its own subject. */
const talk = (words: string[], sentences: number, seed = 0) =>
  Array.from({ length: sentences }, (_, i) => {
    const pick = (k: number) => words[(i * 7 + k * 3 + seed) % words.length];
    return `We keep coming back to ${pick(0)} and ${pick(1)}, because ${pick(2)} shapes ${pick(3)}.`;
  });

const HARVEST = ["harvest", "seed", "soil", "farmer", "rain", "field", "grain", "sower"];
const SEA = ["storm", "boat", "waves", "fishermen", "wind", "nets", "shore", "lake"];
const CITY = ["wall", "gate", "builders", "stones", "city", "tower", "ruins", "watchmen"];
const TABLE = ["bread", "table", "cup", "guests", "meal", "invitation", "banquet", "host"];

/** Parts of a sermon, their sentences spoken one every 6 s (a segment each), with short pauses. */
function sermon(parts: string[][], main?: string): { evidence: ChapterEvidence; starts: number[] } {
  const segments: TranscriptSegmentDraft[] = [];
  const starts: number[] = [];
  let clock = 0;
  for (const part of parts) {
    starts.push(clock);
    for (const text of part) {
      segments.push({ startMs: clock, endMs: clock + 5_600, text, speaker: null });
      clock += 6_000;
    }
  }
  return {
    evidence: {
      durationMs: clock,
      segments,
      spoken: findSpokenScripture(segments).map((passage) => ({ ...passage })),
      main: main ? parsePassages(main).passages : [],
    },
    starts,
  };
}

const near = (found: number[], expected: number[], toleranceMs = 15_000) =>
  expected.filter((ms) => found.some((f) => Math.abs(f - ms) <= toleranceMs)).length;

describe("findChapters", () => {
  it("finds a reading (titled by its reference), announced points, the application and the prayer", () => {
    // 36 minutes: six chapters are within eight an hour after the first.
    const { evidence, starts } = sermon([
      ["Good morning, church.", ...talk(HARVEST, 19)],
      [
        "Please turn with me to Mark 4:1-20.",
        "A sower went out to sow, and as he sowed some seed fell along the path.",
        ...talk(HARVEST, 28, 1),
      ],
      ["First, we see that the soil matters more than the sower.", ...talk(HARVEST, 119, 2)],
      ["My second point is that storms come to every boat.", ...talk(SEA, 119)],
      ["So what does this mean for us?", ...talk(TABLE, 59)],
      ["Let us pray.", "Father, we thank you for your word.", ...talk(TABLE, 8, 3)],
    ]);
    const chapters = findChapters(evidence);
    expect(chapters.map((chapter) => chapter.startMs)).toEqual(starts);
    expect(chapters.map((chapter) => chapter.title)).toEqual([
      "Introduction",
      "Mark 4:1–20",
      "The soil matters more than the sower",
      "Storms come to every boat",
      "Application",
      "Prayer",
    ]);
  });

  it("finds unannounced parts from where the subject changes, titled by their salient words", () => {
    const { evidence, starts } = sermon([
      talk(HARVEST, 70),
      talk(SEA, 70),
      talk(CITY, 70),
      talk(TABLE, 70),
    ]);
    const chapters = findChapters(evidence);
    expect(near(chapters.map((chapter) => chapter.startMs).slice(1), starts.slice(1))).toBe(3);
    expect(chapters).toHaveLength(4);
    expect(chapters[2]!.title).toMatch(/wall|gate|builders|stones|city|tower|ruins|watchmen/i);
  });

  it("takes the main passage's first mention as the reading even without a cue, and only once", () => {
    const { evidence, starts } = sermon(
      [
        talk(CITY, 20),
        [
          "Nehemiah 2:11-20.",
          "I went up in the night, I and some few men with me.",
          ...talk(CITY, 30, 2),
        ],
        ["Nehemiah 2:11-20 again shows the builders at work.", ...talk(SEA, 40)],
      ],
      "Nehemiah 2:11-20",
    );
    const chapters = findChapters(evidence);
    expect(chapters.find((chapter) => chapter.startMs === starts[1])?.title).toBe(
      "Nehemiah 2:11–20",
    );
    expect(chapters.filter((chapter) => chapter.title === "Nehemiah 2:11–20")).toHaveLength(1);
  });

  it("keeps to about eight chapters an hour however many markers there are, none under a minute", () => {
    const parts = Array.from({ length: 30 }, (_, i) => [
      `My ${["first", "second", "third", "next"][Math.min(i, 3)]} point is that ${HARVEST[i % 8]} matters.`,
      ...talk(i % 2 ? SEA : HARVEST, 11, i),
    ]);
    const { evidence } = sermon(parts); // 30 parts of 72 s: 36 minutes
    const chapters = findChapters(evidence);
    expect(chapters.length).toBeLessThanOrEqual(1 + Math.round(8 * 0.6));
    for (const [i, chapter] of chapters.entries())
      if (i > 0) expect(chapter.startMs - chapters[i - 1]!.startMs).toBeGreaterThanOrEqual(60_000);
  });

  it("gives a short sermon one chapter at 0, and no transcript none", () => {
    const { evidence } = sermon([talk(HARVEST, 10), ["Let us pray.", ...talk(TABLE, 5)]]);
    expect(findChapters(evidence)).toEqual([{ startMs: 0, title: expect.any(String) }]);
    expect(findChapters({ ...evidence, segments: [], spoken: [] })).toEqual([]);
  });

  it("starts the first chapter at 0 with the reading when the sermon opens with it", () => {
    const { evidence } = sermon([
      ["Our reading this morning is from Psalm 23.", ...talk(HARVEST, 30)],
      ["In closing, remember the shepherd.", ...talk(TABLE, 30)],
    ]);
    expect(findChapters(evidence)).toEqual([
      { startMs: 0, title: "Psalm 23" },
      { startMs: 31 * 6_000, title: "Conclusion" },
    ]);
  });
});
