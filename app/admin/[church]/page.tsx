import Link from "next/link";
import { publishLabel, StatusBadge } from "@/components/admin/status-badge";
import { listSermonsForAdmin } from "@/lib/catalog/sermons/admin-queries";
import { getChurchTranscriptQuality } from "@/lib/catalog/transcripts/church-transcript-quality";
import type { TranscriptQuality } from "@/lib/catalog/transcripts/transcript-quality";
import { formatDay, formatDuration } from "@/lib/platform/text/format";
import { requireChurchPage } from "../_lib/admin-session";

export default async function SermonsAdminPage({
  params,
}: {
  params: Promise<{ church: string }>;
}) {
  const { church: slug } = await params;
  const { church } = await requireChurchPage(slug);
  const [sermons, quality] = await Promise.all([
    listSermonsForAdmin(church.id),
    getChurchTranscriptQuality(church.id),
  ]);
  const toReview = sermons
    .flatMap((sermon) => {
      const estimate = quality.get(sermon.id);
      return estimate?.needsReview ? [{ sermon, estimate }] : [];
    })
    .sort((a, b) => (a.estimate.quality ?? 0) - (b.estimate.quality ?? 0));
  return (
    <section>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h2 className="text-lg font-semibold">Sermons</h2>
        <Link
          href={`/admin/${slug}/sermons/new`}
          className="rounded-lg bg-amber-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-amber-800"
        >
          New sermon
        </Link>
      </div>
      {toReview.length > 0 && (
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
            {toReview.map(({ sermon, estimate }) => (
              <li key={sermon.id}>
                <Link
                  href={`/admin/${slug}/sermons/${sermon.id}/transcript`}
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
      )}
      {sermons.length === 0 ? (
        <div className="mt-6 rounded-2xl border border-dashed border-stone-300 bg-white p-10 text-center">
          <p className="font-medium">No sermons yet</p>
          <p className="mt-1 text-sm text-stone-600">Create one, then upload its audio.</p>
        </div>
      ) : (
        <ul className="mt-6 divide-y divide-stone-200 overflow-hidden rounded-2xl border border-stone-200 bg-white">
          {sermons.map((sermon) => (
            <li key={sermon.id}>
              <Link
                href={`/admin/${slug}/sermons/${sermon.id}`}
                className="flex flex-col gap-2 px-5 py-4 hover:bg-stone-50 sm:flex-row sm:items-center sm:justify-between"
              >
                <div className="min-w-0">
                  <p className="truncate font-medium text-stone-900">{sermon.title}</p>
                  <p className="mt-0.5 truncate text-sm text-stone-500">
                    {[
                      sermon.speaker?.name,
                      sermon.series?.title,
                      sermon.preachedOn && formatDay(sermon.preachedOn),
                      sermon.durationMs && formatDuration(sermon.durationMs),
                    ]
                      .filter(Boolean)
                      .join(" · ") || "No details yet"}
                  </p>
                </div>
                <div className="flex shrink-0 items-center gap-2">
                  <QualityEstimate estimate={quality.get(sermon.id)} />
                  <span className="text-xs text-stone-500">
                    {publishLabel(sermon.publishState)}
                  </span>
                  <StatusBadge status={sermon.status} />
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const qualityLabel = (estimate: TranscriptQuality) =>
  `transcript quality ${Math.round((estimate.quality ?? 0) * 100)}%`;

/** The transcript's quality estimate beside its sermon; nothing for captions or none yet. */
function QualityEstimate({ estimate }: { estimate: TranscriptQuality | undefined }) {
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
