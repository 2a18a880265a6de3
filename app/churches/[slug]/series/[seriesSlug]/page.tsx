import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SermonCollection } from "@/components/listener/sermon-collection";
import { getSeriesCatalog } from "@/lib/catalog/queries";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; seriesSlug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, seriesSlug } = await params;
  const catalog = await getSeriesCatalog(slug, seriesSlug);
  return {
    title: catalog ? `${catalog.series.title} · ${catalog.church.name}` : "Series not found",
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
    />
  );
}
