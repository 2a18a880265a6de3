import Link from "next/link";
import { publishLabel, StatusBadge } from "@/components/admin/status-badge";
import { NeedsReview, QualityEstimate } from "@/components/admin/transcript-quality";
import { listSermonsForAdmin } from "@/lib/catalog/sermons/admin-queries";
import { getChurchTranscriptQuality } from "@/lib/catalog/transcripts/church-transcript-quality";
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
      <NeedsReview churchSlug={slug} sermons={toReview} />
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
