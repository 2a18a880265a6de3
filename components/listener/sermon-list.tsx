import type { ReactNode } from "react";
import type { ListenerSermonSummary } from "@/lib/catalog/queries";
import { SermonListItem } from "./sermon-list-item";
import { EmptyState } from "./empty-state";

/** Sermons as cards, or a friendly note when there are none. */
export function SermonList({
  sermons,
  empty,
  showChurch,
  omit,
  columns = 1,
}: {
  sermons: ListenerSermonSummary[];
  /** What to say when the list is empty. */
  empty: { title: string; body: ReactNode };
  showChurch?: boolean;
  omit?: "speaker" | "series";
  columns?: 1 | 2;
}) {
  if (sermons.length === 0) return <EmptyState {...empty} />;
  return (
    <ul className={`mt-8 grid gap-4 ${columns === 2 ? "md:grid-cols-2" : ""}`}>
      {sermons.map((sermon) => (
        <li key={`${sermon.church.slug}/${sermon.slug}`}>
          <SermonListItem sermon={sermon} showChurch={showChurch} omit={omit} />
        </li>
      ))}
    </ul>
  );
}

export const sermonCount = (n: number) => (n === 1 ? "1 sermon" : `${n} sermons`);
