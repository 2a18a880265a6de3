import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { SermonCollection } from "@/components/listener/sermon-collection";
import { getSpeakerCatalog } from "@/lib/catalog/queries";
import { feedUrl } from "@/lib/catalog/feeds/feed-scope";
import { publicOrigin } from "@/lib/platform/http/public-origin";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; speakerSlug: string }> };

const speakerFeedUrl = async (church: string, slug: string) =>
  feedUrl(publicOrigin(await headers()), { kind: "speaker", church, slug });

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, speakerSlug } = await params;
  const catalog = await getSpeakerCatalog(slug, speakerSlug);
  if (!catalog) return { title: "Speaker not found" };
  const title = `${catalog.speaker.name} · ${catalog.church.name}`;
  return {
    title,
    alternates: {
      types: {
        "application/rss+xml": [
          { url: await speakerFeedUrl(slug, speakerSlug), title: `${title} (podcast)` },
        ],
      },
    },
  };
}

export default async function SpeakerPage({ params }: Props) {
  const { slug, speakerSlug } = await params;
  const catalog = await getSpeakerCatalog(slug, speakerSlug);
  if (!catalog) notFound();
  return (
    <SermonCollection
      church={catalog.church}
      kind="speaker"
      title={catalog.speaker.name}
      description={catalog.speaker.bio}
      sermons={catalog.sermons}
      slug={speakerSlug}
      feedUrl={await speakerFeedUrl(slug, speakerSlug)}
    />
  );
}
