import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SermonCollection } from "@/components/listener/sermon-collection";
import { getSpeakerCatalog } from "@/lib/catalog/queries";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; speakerSlug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, speakerSlug } = await params;
  const catalog = await getSpeakerCatalog(slug, speakerSlug);
  return {
    title: catalog ? `${catalog.speaker.name} · ${catalog.church.name}` : "Speaker not found",
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
    />
  );
}
