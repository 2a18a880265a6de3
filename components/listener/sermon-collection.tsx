import Link from "next/link";
import type { ListenerSermonSummary } from "@/lib/catalog/queries";
import { SermonList, sermonCount } from "./sermon-list";
import { FollowButton } from "@/components/account/follow-button";
import { PodcastFeedLink } from "./podcast-feed-link";
import { SectionHeading } from "./section-heading";

/** A page of one church's sermons grouped by something: a series or a speaker. */
export function SermonCollection({
  church,
  kind,
  title,
  description,
  sermons,
  feedUrl,
  slug,
}: {
  church: { slug: string; name: string };
  kind: "series" | "speaker";
  /** The series' or speaker's own slug, for following it. */
  slug: string;
  title: string;
  description: string | null;
  sermons: ListenerSermonSummary[];
  /** The podcast feed of these sermons. */
  feedUrl: string;
}) {
  return (
    <>
      <section className="border-b border-stone-200 bg-gradient-to-b from-amber-50 to-stone-50">
        <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6 sm:py-14">
          <Link
            href={`/churches/${church.slug}`}
            className="text-sm font-medium text-amber-800 hover:underline"
          >
            ← {church.name}
          </Link>
          <p className="mt-6 text-sm font-semibold uppercase tracking-widest text-amber-700">
            {kind === "series" ? "Series" : "Speaker"}
          </p>
          <h1 className="mt-2 max-w-3xl font-serif text-3xl font-semibold leading-tight tracking-tight text-stone-900 sm:text-4xl">
            {title}
          </h1>
          {description && (
            <p className="mt-4 max-w-2xl whitespace-pre-line text-lg leading-8 text-stone-600">
              {description}
            </p>
          )}
          <PodcastFeedLink
            feedUrl={feedUrl}
            lead={<FollowButton target={{ kind, church: church.slug, slug }} name={title} />}
          />
        </div>
      </section>
      <section aria-labelledby="sermons-heading" className="mx-auto max-w-6xl px-4 py-12 sm:px-6">
        <SectionHeading id="sermons-heading" title="Sermons" count={sermonCount(sermons.length)} />
        <SermonList
          sermons={sermons}
          omit={kind}
          empty={{
            title: "Nothing to listen to yet",
            body:
              kind === "series"
                ? `Sermons in this series appear here as soon as ${church.name} publishes them.`
                : `Sermons by ${title} appear here as soon as ${church.name} publishes them.`,
          }}
        />
      </section>
    </>
  );
}
