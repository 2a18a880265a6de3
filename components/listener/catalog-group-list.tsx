import Link from "next/link";
import type { CatalogGroup } from "@/lib/catalog/queries";
import { sermonCount } from "./sermon-list";

/** A church's series or speakers, each linking to its page, with how many sermons it has. */
export function CatalogGroupList({
  heading,
  groups,
  basePath,
}: {
  heading: string;
  groups: CatalogGroup[];
  /** e.g. `/churches/grace-chapel/series`; each group's slug is appended. */
  basePath: string;
}) {
  if (groups.length === 0) return null;
  const id = `${heading.toLowerCase()}-heading`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="text-sm font-semibold uppercase tracking-widest text-stone-500">
        {heading}
      </h2>
      <ul className="mt-3 divide-y divide-stone-100 rounded-2xl border border-stone-200 bg-white shadow-sm">
        {groups.map((group) => (
          <li key={group.slug}>
            <Link
              href={`${basePath}/${group.slug}`}
              className="flex items-baseline justify-between gap-3 px-4 py-3 text-sm first:rounded-t-2xl last:rounded-b-2xl hover:bg-amber-50"
            >
              <span className="font-medium text-stone-900">{group.name}</span>
              <span className="shrink-0 text-xs tabular-nums text-stone-500">
                {sermonCount(group.sermonCount)}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
