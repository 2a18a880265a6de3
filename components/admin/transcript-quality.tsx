import Link from "next/link";
import type { TranscriptQuality } from "@/lib/catalog/transcripts/transcript-quality";

const qualityLabel = (estimate: TranscriptQuality) =>
  `transcript quality ${Math.round((estimate.quality ?? 0) * 100)}%`;

/** The transcript's quality estimate beside its sermon; nothing for captions or none yet. */
export function QualityEstimate({ estimate }: { estimate: TranscriptQuality | undefined }) {
  if (!estimate || estimate.quality === null) return null;
  return (
    <span
      data-testid="transcript-quality"
      title="How sure the recogniser was of the transcript's words, weighted by time"
      className={`rounded-md px-1.5 py-0.5 text-xs font-medium ${
        estimate.needsReview ? "bg-amber-100 text-amber-900" : "bg-stone-100 text-stone-700"
      }`}
    >
      {qualityLabel(estimate).replace(/^t/, "T")}
    </span>
  );
}

/** The sermons whose transcripts need review, worst first, each linked to its editor. */
export function NeedsReview({
  churchSlug,
  sermons,
}: {
  churchSlug: string;
  sermons: { sermon: { id: string; title: string }; estimate: TranscriptQuality }[];
}) {
  if (sermons.length === 0) return null;
  return (
    <section
      aria-labelledby="needs-review-heading"
      className="mt-6 rounded-2xl border border-amber-200 bg-amber-50 p-5"
    >
      <h3 id="needs-review-heading" className="font-semibold text-amber-950">
        Needs review
      </h3>
      <p className="mt-1 text-sm text-amber-900">
        The recogniser was unsure of much of these transcripts. Listeners see the unsure words
        dimmed or as [unclear]; a correction makes them certain.
      </p>
      <ul className="mt-3 space-y-2">
        {sermons.map(({ sermon, estimate }) => (
          <li key={sermon.id}>
            <Link
              href={`/admin/${churchSlug}/sermons/${sermon.id}/transcript`}
              className="font-medium text-amber-950 underline underline-offset-2 hover:text-amber-800"
            >
              {sermon.title}
            </Link>{" "}
            <span className="text-sm text-amber-900">
              · {qualityLabel(estimate)} · {estimate.uncertainSegments} unsure{" "}
              {estimate.uncertainSegments === 1 ? "sentence" : "sentences"}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
