import Link from "next/link";
import { AddToQueueButton } from "@/components/player/now-playing/add-to-queue-button";
import type { ListenerSermonSummary } from "@/lib/catalog/queries";
import { PassageList, SermonMeta } from "./sermon-meta";

/**
 * One sermon in a list; the whole card opens it. `showChurch` names the church above the
 * title, for lists that mix churches (the home page).
 */
export function SermonListItem({
  sermon,
  showChurch = false,
  omit,
}: {
  sermon: ListenerSermonSummary;
  showChurch?: boolean;
  omit?: "speaker" | "series";
}) {
  return (
    <article
      data-testid="sermon-item"
      className="group relative flex h-full gap-4 rounded-2xl border border-stone-200 bg-white p-5 shadow-sm transition hover:border-amber-300 hover:shadow-md has-[h3_a:focus-visible]:ring-2 has-[h3_a:focus-visible]:ring-amber-600"
    >
      <span
        aria-hidden
        className="hidden size-12 shrink-0 place-items-center rounded-full bg-amber-100 text-amber-800 transition group-hover:bg-amber-600 group-hover:text-white sm:grid"
      >
        <svg viewBox="0 0 24 24" className="ml-0.5 size-5 fill-current">
          <path d="M7 4.5v15a1 1 0 0 0 1.5.86l12.5-7.5a1 1 0 0 0 0-1.72L8.5 3.64A1 1 0 0 0 7 4.5Z" />
        </svg>
      </span>
      <div className="min-w-0 flex-1 space-y-2">
        {showChurch && (
          <Link
            href={`/churches/${sermon.church.slug}`}
            className="relative text-xs font-semibold uppercase tracking-wider text-amber-700 hover:underline"
          >
            {sermon.church.name}
          </Link>
        )}
        <h3 className="text-lg font-semibold leading-snug tracking-tight text-stone-900">
          <Link
            href={`/churches/${sermon.church.slug}/sermons/${sermon.slug}`}
            className="after:absolute after:inset-0 after:rounded-2xl focus-visible:outline-none"
          >
            {sermon.title}
          </Link>
        </h3>
        <SermonMeta sermon={sermon} omit={omit} />
        <PassageList passages={sermon.passages} />
        <div className="-ml-3 -mb-2">
          <AddToQueueButton sermonId={sermon.id} title={sermon.title} />
        </div>
      </div>
    </article>
  );
}
