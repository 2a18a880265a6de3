import { describe, expect, it } from "vitest";
import { alignTranscriptToManuscript } from "./manuscript/align-transcript-to-manuscript";
import { parseManuscript } from "./manuscript/parse-manuscript";
import { measureSegmentConfidence } from "./measure-segment-confidence";
import { groupWordsIntoSegments } from "./group-words-into-segments";
import { parsePocketsphinxOutput } from "./local/parse-pocketsphinx-output";

const heard = parsePocketsphinxOutput(`good 0.030 0.220 0.909513
morning(2) 0.230 0.650 0.821294
church 0.710 0.890 0.722913
let 4.130 4.270 0.994216
us 4.280 4.440 0.085959
pray 4.450 4.750 2.6e-05
`);

describe("measureSegmentConfidence", () => {
  it("keeps each recognised word's figure and gives the segment their mean", () => {
    const [first, second] = measureSegmentConfidence(groupWordsIntoSegments(heard), heard);
    expect(first?.wordConfidences).toEqual([0.909513, 0.821294, 0.722913]);
    expect(first?.confidence).toBeCloseTo((0.909513 + 0.821294 + 0.722913) / 3, 6);
    expect(second?.wordConfidences).toEqual([0.994216, 0.085959, 0.000026]);
    expect(second?.confidence).toBeCloseTo((0.994216 + 0.085959 + 0.000026) / 3, 6);
  });

  it("keeps only the segment's figure when its words do not line up with its text", () => {
    // Deepgram's sentence text can differ from its words ("9:30" against "nine thirty").
    const words = [
      { startMs: 0, endMs: 400, text: "nine", confidence: 0.4 },
      { startMs: 400, endMs: 800, text: "thirty", confidence: 0.6 },
    ];
    const [segment] = measureSegmentConfidence(
      [{ startMs: 0, endMs: 800, text: "9:30", speaker: null }],
      words,
    );
    expect(segment).toMatchObject({ confidence: 0.5, wordConfidences: [] });
  });

  it("prefers the recogniser's own segment figure (Whisper's) and leaves captions unmeasured", () => {
    const [whisper, caption] = measureSegmentConfidence(
      [
        { startMs: 0, endMs: 1000, text: "Grace and peace", speaker: null, confidence: 0.31 },
        { startMs: 2000, endMs: 3000, text: "to you", speaker: null },
      ],
      [],
    );
    expect(whisper).toMatchObject({ confidence: 0.31, wordConfidences: [] });
    expect(caption).toMatchObject({ confidence: null, wordConfidences: [] });
  });

  it("counts manuscript words as certain and keeps the recogniser's doubt on departures", () => {
    const manuscript = parseManuscript("Good morning church. We gather in his name.");
    const mumbled = [
      { startMs: 0, endMs: 300, text: "good", confidence: 0.1 },
      { startMs: 300, endMs: 700, text: "morning", confidence: 0.15 },
      { startMs: 700, endMs: 1000, text: "church", confidence: 0.2 },
      { startMs: 1500, endMs: 1800, text: "we", confidence: 0.3 },
      { startMs: 1800, endMs: 2100, text: "gather", confidence: 0.2 },
      { startMs: 2100, endMs: 2300, text: "in", confidence: 0.3 },
      { startMs: 2300, endMs: 2500, text: "his", confidence: 0.3 },
      { startMs: 2500, endMs: 2900, text: "name", confidence: 0.1 },
      { startMs: 4000, endMs: 4300, text: "parking", confidence: 0.12 },
      { startMs: 4300, endMs: 4600, text: "lot", confidence: 0.08 },
      { startMs: 4600, endMs: 4900, text: "closed", confidence: 0.05 },
    ];
    const aligned = alignTranscriptToManuscript(manuscript, mumbled);
    const measured = measureSegmentConfidence(aligned.segments, aligned.words);
    const fromManuscript = measured.filter((segment) => segment.source === "manuscript");
    const departed = measured.filter((segment) => segment.source === "recognised");
    expect(fromManuscript.length).toBeGreaterThan(0);
    for (const segment of fromManuscript) expect(segment.confidence).toBe(1);
    expect(departed).toHaveLength(1);
    expect(departed[0]?.wordConfidences).toEqual([0.12, 0.08, 0.05]);
  });

  it("counts verses snapped to the Bible's text as certain", () => {
    const [segment] = measureSegmentConfidence(
      [
        {
          startMs: 0,
          endMs: 900,
          text: "Jesus wept.",
          speaker: null,
          scripture: "WEB · John 11:35",
        },
      ],
      [{ startMs: 0, endMs: 900, text: "cheeses", confidence: 0.02 }],
    );
    expect(segment).toMatchObject({ confidence: 1, wordConfidences: [] });
  });
});
