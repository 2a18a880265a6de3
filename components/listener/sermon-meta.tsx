import Link from "next/link";
import type { ReactNode } from "react";
import type { ListenerSermonSummary } from "@/lib/catalog/queries";
import { passagePagePath } from "@/lib/catalog/scripture/passage-page-path";
import { parsePassages } from "@/lib/catalog/scripture/parse-passages";
import { formatDay, formatDuration } from "@/lib/platform/text/format";

// `relative` lifts the links above a list item's whole-card link (its ::after overlay).
const linkClass = "relative font-medium text-stone-700 hover:text-amber-800 hover:underline";

/**
 * Speaker · series · date · duration, skipping what the sermon lacks. Speaker and series link
 * to their pages; a page about one of them omits it, since every item would repeat it.
 */
export function SermonMeta({
  sermon,
  omit,
}: {
  sermon: ListenerSermonSummary;
  omit?: "speaker" | "series";
}) {
  const base = `/churches/${sermon.church.slug}`;
  const parts: { key: string; node: ReactNode }[] = [];
  if (sermon.speaker && omit !== "speaker") {
    parts.push({
      key: "speaker",
      node: (
        <Link href={`${base}/speakers/${sermon.speaker.slug}`} className={linkClass}>
          {sermon.speaker.name}
        </Link>
      ),
    });
  }
  if (sermon.series && omit !== "series") {
    parts.push({
      key: "series",
      node: (
        <Link href={`${base}/series/${sermon.series.slug}`} className={linkClass}>
          {sermon.series.title}
        </Link>
      ),
    });
  }
  if (sermon.preachedOn) {
    parts.push({
      key: "date",
      node: (
        <time dateTime={sermon.preachedOn.toISOString().slice(0, 10)}>
          {formatDay(sermon.preachedOn)}
        </time>
      ),
    });
  }
  if (sermon.durationMs) parts.push({ key: "duration", node: formatDuration(sermon.durationMs) });
  return (
    <p className="flex flex-wrap gap-x-2 gap-y-1 text-sm text-stone-500">
      {parts.map((part, i) => (
        // The dot trails its item, so a wrapped line never starts with one.
        <span key={part.key}>
          {part.node}
          {i < parts.length - 1 && (
            <span aria-hidden className="ml-2">
              ·
            </span>
          )}
        </span>
      ))}
    </p>
  );
}

/** The main passages, each linking to its verse page (every sermon on it). */
export function PassageList({ passages }: { passages: string[] }) {
  if (passages.length === 0) return null;
  return (
    <ul aria-label="Passages" className="flex flex-wrap gap-2">
      {passages.map((passage) => {
        const [parsed, ...more] = parsePassages(passage).passages;
        return (
          <li
            key={passage}
            className="rounded-full bg-amber-50 px-2.5 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-amber-200 ring-inset"
          >
            {parsed && more.length === 0 ? (
              <Link href={passagePagePath(parsed)} className="relative hover:underline">
                {passage}
              </Link>
            ) : (
              passage
            )}
          </li>
        );
      })}
    </ul>
  );
}
