import { describe, expect, it } from "vitest";
import { groupWordsIntoSegments } from "@/lib/pipeline/transcription/group-words-into-segments";
import { parsePocketsphinxOutput } from "./parse-pocketsphinx-output";

// pocketsphinx_continuous -time yes, as Debian's 0.8+5prealpha prints it.
const output = `good morning church
<s> 0.000 0.020 0.999700
good 0.030 0.220 0.909513
morning(2) 0.230 0.650 0.821294
<sil> 0.660 0.700 0.989356
church 0.710 0.890 0.722913
</s> 0.900 1.200 1.000000
let us pray
<s> 3.860 4.000 0.999500
[NOISE] 4.010 4.120 0.044269
let 4.130 4.270 0.994216
us 4.280 4.440 0.085959
pray 4.450 4.750 2.6e-05
</s> 4.760 4.930 1.000000
`;

describe("parsePocketsphinxOutput", () => {
  it("keeps words with their times (shifted by the piece's start) and drops markers", () => {
    expect(parsePocketsphinxOutput(output, 60_000)).toEqual([
      { startMs: 60_030, endMs: 60_220, text: "good", confidence: 0.909513 },
      { startMs: 60_230, endMs: 60_650, text: "morning", confidence: 0.821294 },
      { startMs: 60_710, endMs: 60_890, text: "church", confidence: 0.722913 },
      { startMs: 64_130, endMs: 64_270, text: "let", confidence: 0.994216 },
      { startMs: 64_280, endMs: 64_440, text: "us", confidence: 0.085959 },
      { startMs: 64_450, endMs: 64_750, text: "pray", confidence: 0.000026 },
    ]);
  });

  it("groups words into segments at long pauses", () => {
    expect(groupWordsIntoSegments(parsePocketsphinxOutput(output))).toEqual([
      { startMs: 30, endMs: 890, text: "good morning church", speaker: null },
      { startMs: 4130, endMs: 4750, text: "let us pray", speaker: null },
    ]);
  });
});
