import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { EmbedPlayer } from "@/components/player/embed-player";
import { parseStartTime } from "@/lib/catalog/playback/start-time";
import { getSharedSermon } from "@/lib/catalog/sharing/get-shared-sermon";
import { shareLinks } from "@/lib/catalog/sharing/share-links";
import { publicOrigin } from "@/lib/platform/http/public-origin";
import { formatDay } from "@/lib/platform/text/format";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ t?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const page = await getSharedSermon({ sermonId: id });
  if (!page) return { title: "Sermon not found" };
  const { sermon } = page;
  return {
    title: `${sermon.title} · ${sermon.church.name}`,
    // The sermon's page is what search engines should show, not its player in a frame.
    robots: { index: false },
    alternates: {
      canonical: shareLinks.absolute(publicOrigin(await headers()), shareLinks.sermonPage(sermon)),
    },
  };
}

/** /embed/sermons/{id}?t=… — the player other sites put in an iframe (oEmbed's html). */
export default async function EmbedPage({ params, searchParams }: Props) {
  const { id } = await params;
  const page = await getSharedSermon({ sermonId: id });
  if (!page) notFound();
  const { sermon } = page;
  const { t } = await searchParams;
  const startAt = parseStartTime(Array.isArray(t) ? t[0] : t, sermon.durationMs);

  if (!sermon.media)
    return (
      <div className="grid h-full place-items-center rounded-xl border border-stone-200 bg-white p-4 text-center">
        <div>
          <h1 className="font-serif text-lg font-semibold text-stone-900">{sermon.title}</h1>
          <p className="mt-1 text-sm text-stone-600">The recording is being prepared.</p>
        </div>
      </div>
    );
  return (
    <EmbedPlayer
      src={sermon.media.streamUrl}
      downloadUrl={sermon.media.downloadUrl}
      durationMs={sermon.durationMs}
      startAt={startAt}
      title={sermon.title}
      speaker={sermon.speaker?.name ?? null}
      church={sermon.church.name}
      date={
        sermon.preachedOn
          ? {
              label: formatDay(sermon.preachedOn),
              iso: sermon.preachedOn.toISOString().slice(0, 10),
            }
          : null
      }
      pageHref={shareLinks.sermonPage(sermon)}
    />
  );
}
