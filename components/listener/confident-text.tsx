import { confidenceParts } from "@/lib/catalog/transcripts/confidence-parts";

/**
 * A transcript sentence with the recogniser's doubt shown: doubtful words dimmed (with a dotted
 * underline, so dimming never has to rely on a faint colour), a run of guesses replaced by
 * "[unclear]". The guessed words stay reachable: screen readers hear "unclear, heard as …" and
 * a pointer shows them on hover; the visible label is hidden from screen readers so the
 * stretch is not read twice.
 */
export function ConfidentText({
  text,
  confidence,
  wordConfidences,
  isCurrent,
}: {
  text: string;
  confidence: number | null;
  wordConfidences: readonly number[];
  /** The sentence playing has a tinted background: dimmed words stay dark enough on it. */
  isCurrent: boolean;
}) {
  const parts = confidenceParts(text, wordConfidences, confidence);
  return parts.map((part, i) => {
    const gap = i > 0 ? " " : "";
    if (part.level === "clear") return gap + part.text;
    if (part.level === "doubtful") {
      return (
        <span key={i}>
          {gap}
          <span
            data-confidence="doubtful"
            title="The recogniser was unsure of these words"
            className={`underline decoration-stone-400 decoration-dotted underline-offset-4 ${isCurrent ? "text-stone-600" : "text-stone-500"}`}
          >
            {part.text}
          </span>
        </span>
      );
    }
    return (
      <span key={i}>
        {gap}
        <span
          data-confidence="unclear"
          title={`Heard as: ${part.text}`}
          className="rounded bg-stone-100 px-1 text-[13px] font-medium text-stone-600 not-italic"
        >
          <span aria-hidden>[unclear]</span>
          <span className="sr-only">unclear, heard as: {part.text}</span>
        </span>
      </span>
    );
  });
}
