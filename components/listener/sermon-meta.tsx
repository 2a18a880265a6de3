import type { ListenerSermonSummary } from "@/lib/catalog/queries";
import { formatDay, formatDuration } from "@/lib/text/format";

/** Speaker · series · date · duration, skipping what the sermon lacks. */
export function SermonMeta({ sermon }: { sermon: ListenerSermonSummary }) {
  const parts = [
    sermon.speaker,
    sermon.series,
    sermon.preachedOn ? formatDay(sermon.preachedOn) : null,
    sermon.durationMs ? formatDuration(sermon.durationMs) : null,
  ].filter((part): part is string => Boolean(part));
  return (
    <p className="flex flex-wrap gap-x-2 gap-y-1 text-sm text-stone-500">
      {parts.map((part, i) => (
        // The dot trails its item, so a wrapped line never starts with one.
        <span key={part}>
          {part}
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

export function PassageList({ passages }: { passages: string[] }) {
  if (passages.length === 0) return null;
  return (
    <ul aria-label="Passages" className="flex flex-wrap gap-2">
      {passages.map((passage) => (
        <li
          key={passage}
          className="rounded-full bg-amber-50 px-2.5 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-amber-200 ring-inset"
        >
          {passage}
        </li>
      ))}
    </ul>
  );
}
