import { CONFIDENCE_THRESHOLDS } from "./confidence-thresholds";

/**
 * A stretch of a segment's text and how far to trust it: `clear`, `doubtful` (shown dimmed) or
 * `unclear` (a run of guesses, shown as "[unclear]" with the guessed words kept for those who
 * ask for them).
 */
export type ConfidencePart = { text: string; level: "clear" | "doubtful" | "unclear" };

type Level = ConfidencePart["level"] | "guess";

/**
 * Splits a segment's text by confidence, word by word when `wordConfidences` line up with its
 * words, else the whole segment by its own figure. Guessed words (below `unclearBelow`) in a run
 * of `unclearRunWords` or more become one unclear part; a shorter run is only doubtful, so a
 * single odd word never hides the sentence around it. No figure at all (uploaded captions) is
 * clear: nobody guessed.
 */
export function confidenceParts(
  text: string,
  wordConfidences: readonly number[],
  confidence: number | null,
  thresholds: Pick<
    typeof CONFIDENCE_THRESHOLDS,
    "dimBelow" | "unclearBelow" | "unclearRunWords"
  > = CONFIDENCE_THRESHOLDS,
): ConfidencePart[] {
  const words = text.split(/\s+/).filter(Boolean);
  const levelOf = (figure: number): Level =>
    figure < thresholds.unclearBelow
      ? "guess"
      : figure < thresholds.dimBelow
        ? "doubtful"
        : "clear";
  const levels: Level[] =
    wordConfidences.length === words.length
      ? wordConfidences.map(levelOf)
      : words.map(() => (confidence === null ? "clear" : levelOf(confidence)));

  const parts: ConfidencePart[] = [];
  let i = 0;
  while (i < words.length) {
    let end = i + 1;
    while (end < words.length && levels[end] === levels[i]) end++;
    const level = levels[i]!;
    const run = words.slice(i, end).join(" ");
    const shown: ConfidencePart["level"] =
      level === "guess" ? (end - i >= thresholds.unclearRunWords ? "unclear" : "doubtful") : level;
    const last = parts.at(-1);
    if (last && last.level === shown && shown !== "unclear") last.text += ` ${run}`;
    else parts.push({ text: run, level: shown });
    i = end;
  }
  return parts;
}
