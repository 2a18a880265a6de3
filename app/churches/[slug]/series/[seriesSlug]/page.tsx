import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { SermonCollection } from "@/components/listener/sermon-collection";
import { getSeriesCatalog } from "@/lib/catalog/queries";
import { feedUrl } from "@/lib/catalog/feeds/feed-scope";
import { publicOrigin } from "@/lib/platform/http/public-origin";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; seriesSlug: string }> };

const seriesFeedUrl = async (church: string, slug: string) =>
  feedUrl(publicOrigin(await headers()), { kind: "series", church, slug });

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, seriesSlug } = await params;
  const catalog = await getSeriesCatalog(slug, seriesSlug);
  if (!catalog) return { title: "Series not found" };
  const title = `${catalog.series.title} · ${catalog.church.name}`;
  return {
    title,
    alternates: {
      types: {
        "application/rss+xml": [
          { url: await seriesFeedUrl(slug, seriesSlug), title: `${title} (podcast)` },
        ],
      },
    },
  };
}

export default async function SeriesPage({ params }: Props) {
  const { slug, seriesSlug } = await params;
  const catalog = await getSeriesCatalog(slug, seriesSlug);
  if (!catalog) notFound();
  return (
    <SermonCollection
      church={catalog.church}
      kind="series"
      title={catalog.series.title}
      description={catalog.series.description}
      sermons={catalog.sermons}
      slug={seriesSlug}
      feedUrl={await seriesFeedUrl(slug, seriesSlug)}
    />
  );
}
