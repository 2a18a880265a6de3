import Link from "next/link";
import type { MomentHit } from "@/lib/search/search-moments";
import { formatDay, formatDuration } from "@/lib/platform/text/format";
import { HighlightedSnippet } from "./highlighted-snippet";

/** One search hit: the moment's words, its sermon, and a link that plays from its start. */
export function MomentResult({ hit }: { hit: MomentHit }) {
  const at = formatDuration(hit.startMs);
  return (
    <article
      data-testid="search-hit"
      className="group relative rounded-2xl border border-stone-200 bg-white p-4 shadow-sm transition hover:border-amber-300 hover:shadow-md sm:p-5"
    >
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="font-serif text-lg font-semibold leading-snug text-stone-900">
            {hit.sermonTitle}
          </h3>
          <p className="mt-0.5 text-xs font-medium text-stone-500">
            {[
              hit.churchName,
              hit.speakerName,
              hit.preachedOn && formatDay(new Date(hit.preachedOn)),
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
        </div>
        <Link
          href={hit.href}
          aria-label={`Play “${hit.sermonTitle}” from ${at}`}
          className="flex shrink-0 items-center gap-1.5 rounded-full bg-amber-700 px-3 py-1.5 text-xs font-semibold tabular-nums text-white shadow-sm transition group-hover:bg-amber-800 after:absolute after:inset-0 after:rounded-2xl"
        >
          <svg aria-hidden viewBox="0 0 16 16" className="size-3 fill-current">
            <path d="M4 2.5v11l9-5.5z" />
          </svg>
          {at}
        </Link>
      </div>
      <p className="mt-3 text-sm leading-6 text-stone-700">
        <HighlightedSnippet parts={hit.snippet} />
      </p>
      {(hit.mainPassage || hit.seriesTitle) && (
        <p className="mt-3 flex flex-wrap gap-2 text-xs">
          {hit.mainPassage && (
            <span className="rounded-md bg-stone-100 px-2 py-0.5 font-medium text-stone-600">
              {hit.mainPassage}
            </span>
          )}
          {hit.seriesTitle && (
            <span className="rounded-md bg-amber-50 px-2 py-0.5 font-medium text-amber-800">
              {hit.seriesTitle}
            </span>
          )}
        </p>
      )}
    </article>
  );
}
