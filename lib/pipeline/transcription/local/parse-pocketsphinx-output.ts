import type { TranscriptWord } from "@/lib/catalog/transcripts/transcript";

// `word start end confidence`, one per line with `-time yes`; utterance hypotheses are plain text.
const WORD_LINE = /^(\S+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?(?:e-?\d+)?)$/;
// Markers and fillers, not words: <s>, </s>, <sil>, [NOISE], ++BREATH++.
const NON_WORD = /^(<.*>|\[.*\]|\+\+.*\+\+)$/;

/**
 * pocketsphinx_continuous output → words with times in ms, shifted by `offsetMs` (where the
 * piece it heard starts in the sermon). Pronunciation variants ("the(2)") lose their suffix.
 */
export function parsePocketsphinxOutput(output: string, offsetMs = 0): TranscriptWord[] {
  const words: TranscriptWord[] = [];
  for (const line of output.split("\n")) {
    const match = WORD_LINE.exec(line.trim());
    if (!match) continue;
    const [, token = "", start, end, confidence] = match;
    if (NON_WORD.test(token)) continue;
    words.push({
      startMs: offsetMs + Math.round(Number(start) * 1000),
      endMs: offsetMs + Math.round(Number(end) * 1000),
      text: token.replace(/\(\d+\)$/, ""),
      confidence: Math.min(1, Math.max(0, Number(confidence))),
    });
  }
  return words;
}
