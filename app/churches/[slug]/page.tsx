import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { CatalogGroupList } from "@/components/listener/catalog-group-list";
import { SermonList, sermonCount } from "@/components/listener/sermon-list";
import { getChurchCatalog } from "@/lib/catalog/queries";
import { SectionHeading } from "@/components/listener/section-heading";
import { ChurchMonogram } from "@/components/church-monogram";
import { PodcastFeedLink } from "@/components/listener/podcast-feed-link";
import { FollowButton } from "@/components/account/follow-button";
import { feedUrl } from "@/lib/catalog/feeds/feed-scope";
import { publicOrigin } from "@/lib/platform/http/public-origin";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

const churchFeedUrl = async (church: string) =>
  feedUrl(publicOrigin(await headers()), { kind: "church", church });

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const catalog = await getChurchCatalog((await params).slug);
  if (!catalog) return { title: "Church not found" };
  const { church } = catalog;
  return {
    title: church.name,
    alternates: {
      types: {
        "application/rss+xml": [
          { url: await churchFeedUrl(church.slug), title: `${church.name} (podcast)` },
        ],
      },
    },
  };
}

export default async function ChurchPage({ params }: Props) {
  const catalog = await getChurchCatalog((await params).slug);
  if (!catalog) notFound();
  const { church, sermons, series, speakers } = catalog;
  return (
    <>
      <section className="border-b border-stone-200 bg-gradient-to-b from-amber-50 to-stone-50">
        <div className="mx-auto max-w-6xl px-4 py-12 sm:px-6 sm:py-16">
          <div className="flex items-center gap-4">
            <ChurchMonogram name={church.name} size="page" />
            <h1 className="font-serif text-3xl font-semibold tracking-tight text-stone-900 sm:text-4xl">
              {church.name}
            </h1>
          </div>
          {church.description && (
            <p className="mt-5 max-w-2xl text-lg leading-8 text-stone-600">{church.description}</p>
          )}
          {church.websiteUrl && (
            <a
              href={church.websiteUrl}
              className="mt-4 inline-block text-sm font-medium text-amber-800 hover:underline"
              rel="noopener"
            >
              {new URL(church.websiteUrl).host}
            </a>
          )}
          <PodcastFeedLink
            feedUrl={await churchFeedUrl(church.slug)}
            lead={
              <FollowButton target={{ kind: "church", church: church.slug }} name={church.name} />
            }
          />
        </div>
      </section>
      <div className="mx-auto grid max-w-6xl gap-12 px-4 py-12 sm:px-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <section aria-labelledby="sermons-heading">
          <SectionHeading
            id="sermons-heading"
            title="Sermons"
            count={sermonCount(sermons.length)}
          />
          <SermonList
            sermons={sermons}
            empty={{
              title: "No sermons yet",
              body: `Sermons appear here as soon as ${church.name} publishes them.`,
            }}
          />
        </section>
        {(series.length > 0 || speakers.length > 0) && (
          <aside aria-label="Browse" className="space-y-8 lg:pt-16">
            <CatalogGroupList
              heading="Series"
              groups={series}
              basePath={`/churches/${church.slug}/series`}
            />
            <CatalogGroupList
              heading="Speakers"
              groups={speakers}
              basePath={`/churches/${church.slug}/speakers`}
            />
          </aside>
        )}
      </div>
    </>
  );
}
