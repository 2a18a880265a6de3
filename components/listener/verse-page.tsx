import Link from "next/link";
import type { PassageMoment, VersePageData } from "@/lib/catalog/verse-pages/passage-moments";
import { pagePassagePath, versePagePath } from "@/lib/catalog/scripture/passage-page-path";
import { formatDay, formatDuration } from "@/lib/platform/text/format";
import { EmptyState } from "./empty-state";
import { SectionHeading } from "./section-heading";

const withChurch = (path: string, churchSlug: string | null | undefined) =>
  churchSlug ? `${path}?church=${encodeURIComponent(churchSlug)}` : path;

/** The moments of one sermon, which the list shows together. */
function bySermon(moments: PassageMoment[]): PassageMoment[][] {
  const groups: PassageMoment[][] = [];
  for (const moment of moments) {
    const last = groups.at(-1);
    const first = last?.[0];
    if (first && first.church.slug === moment.church.slug && first.sermonSlug === moment.sermonSlug)
      last.push(moment);
    else groups.push([moment]);
  }
  return groups;
}

const momentLabel = (moment: PassageMoment) =>
  moment.source === "main" ? "Main passage" : `Mentioned at ${formatDuration(moment.startMs)}`;

/**
 * A verse page: every moment of a playable sermon where a chapter or verse is read (a main
 * passage) or mentioned (a spoken reference), newest sermon first, one card per sermon.
 */
export function VersePage({ data }: { data: VersePageData }) {
  const { passage, previous, next, church, churches, moments } = data;
  const groups = bySermon(moments.moments);
  const filterClass = (active: boolean) =>
    `rounded-full px-3 py-1 text-sm font-medium ring-1 ring-inset transition ${
      active
        ? "bg-amber-700 text-white ring-amber-700"
        : "bg-white text-stone-700 ring-stone-300 hover:text-amber-800 hover:ring-amber-300"
    }`;
  const stepClass = "text-sm font-medium text-amber-800 hover:underline";
  return (
    <>
      <section className="border-b border-stone-200 bg-gradient-to-b from-amber-50 to-stone-50">
        <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6 sm:py-14">
          {passage.verse !== null && (
            <Link
              href={withChurch(versePagePath(passage.book, passage.chapter), church?.slug)}
              className={stepClass}
            >
              ← {passage.label.replace(/:\d+$/, "")}
            </Link>
          )}
          <p className="mt-6 text-sm font-semibold uppercase tracking-widest text-amber-700">
            Scripture
          </p>
          <h1 className="mt-2 max-w-3xl font-serif text-3xl font-semibold leading-tight tracking-tight text-stone-900 sm:text-4xl">
            {passage.label}
          </h1>
          <p className="mt-4 max-w-2xl text-lg leading-8 text-stone-600">
            Where {passage.label} is read or discussed in sermons{" "}
            {church ? `at ${church.name}` : "across every church on Selah"}.
          </p>
          <nav aria-label="Passages nearby" className="mt-6 flex flex-wrap gap-x-6 gap-y-2">
            {previous && (
              <Link
                href={withChurch(pagePassagePath(previous), church?.slug)}
                rel="prev"
                className={stepClass}
              >
                ← {previous.label}
              </Link>
            )}
            {next && (
              <Link
                href={withChurch(pagePassagePath(next), church?.slug)}
                rel="next"
                className={stepClass}
              >
                {next.label} →
              </Link>
            )}
          </nav>
        </div>
      </section>
      <section aria-labelledby="moments-heading" className="mx-auto max-w-6xl px-4 py-12 sm:px-6">
        <SectionHeading
          id="moments-heading"
          title="Sermons"
          count={
            groups.length === 1
              ? "1 sermon"
              : `${groups.length}${moments.truncated ? "+" : ""} sermons`
          }
        />
        {churches.length > 0 && (
          <nav aria-label="Filter by church" className="mt-6 flex flex-wrap gap-2">
            <Link
              href={pagePassagePath(passage)}
              aria-current={church ? undefined : "page"}
              className={filterClass(!church)}
            >
              All churches
            </Link>
            {churches.map((entry) => (
              <Link
                key={entry.slug}
                href={withChurch(pagePassagePath(passage), entry.slug)}
                aria-current={church?.slug === entry.slug ? "page" : undefined}
                className={filterClass(church?.slug === entry.slug)}
              >
                {entry.name}
              </Link>
            ))}
          </nav>
        )}
        {groups.length === 0 ? (
          <EmptyState
            title={`No sermons on ${passage.label} yet`}
            body={
              <>
                When {church ? church.name : "a church"} publishes a sermon that reads or mentions{" "}
                {passage.label}, it appears here.{" "}
                {church ? (
                  <Link href={pagePassagePath(passage)} className={stepClass}>
                    See every church’s sermons on it
                  </Link>
                ) : (
                  passage.verse !== null && (
                    <Link href={versePagePath(passage.book, passage.chapter)} className={stepClass}>
                      See the whole chapter
                    </Link>
                  )
                )}
              </>
            }
          />
        ) : (
          <ul className="mt-8 grid gap-4">
            {groups.map((group) => (
              <li key={group[0]!.id}>
                <SermonMoments moments={group} showChurch={!church} />
              </li>
            ))}
          </ul>
        )}
        {moments.truncated && (
          <p className="mt-6 text-sm text-stone-500">
            Showing the most recent {moments.moments.length} moments.
          </p>
        )}
      </section>
    </>
  );
}

function SermonMoments({ moments, showChurch }: { moments: PassageMoment[]; showChurch: boolean }) {
  const sermon = moments[0]!;
  const meta = [sermon.speaker, sermon.preachedOn && formatDay(sermon.preachedOn)].filter(Boolean);
  return (
    <article
      data-testid="passage-sermon"
      className="rounded-2xl border border-stone-200 bg-white p-5 shadow-sm"
    >
      {showChurch && (
        <Link
          href={`/churches/${encodeURIComponent(sermon.church.slug)}`}
          className="text-xs font-semibold uppercase tracking-wider text-amber-700 hover:underline"
        >
          {sermon.church.name}
        </Link>
      )}
      <h3 className="mt-1 text-lg font-semibold leading-snug tracking-tight text-stone-900">
        <Link href={sermon.sermonHref} className="hover:text-amber-800">
          {sermon.sermonTitle}
        </Link>
      </h3>
      {meta.length > 0 && <p className="mt-1 text-sm text-stone-500">{meta.join(" · ")}</p>}
      <ul className="mt-4 space-y-2">
        {moments.map((moment) => (
          <li key={moment.id}>
            <Link
              href={moment.href}
              data-testid="passage-moment"
              className="group flex items-center gap-3 rounded-xl px-2 py-1.5 hover:bg-amber-50"
            >
              <span
                aria-hidden
                className="grid size-8 shrink-0 place-items-center rounded-full bg-amber-100 text-amber-800 transition group-hover:bg-amber-600 group-hover:text-white"
              >
                <svg viewBox="0 0 24 24" className="ml-0.5 size-3.5 fill-current">
                  <path d="M7 4.5v15a1 1 0 0 0 1.5.86l12.5-7.5a1 1 0 0 0 0-1.72L8.5 3.64A1 1 0 0 0 7 4.5Z" />
                </svg>
              </span>
              <span className="text-sm font-medium text-stone-900">{momentLabel(moment)}</span>
              <span className="rounded-full bg-amber-50 px-2.5 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-amber-200 ring-inset">
                {moment.reference}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </article>
  );
}
