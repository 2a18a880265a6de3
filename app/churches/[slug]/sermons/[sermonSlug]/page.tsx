import type { ReactNode } from "react";
import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PlaybackProvider } from "@/components/listener/playback-context";
import { PassageList, SermonMeta } from "@/components/listener/sermon-meta";
import { TranscriptPanel } from "@/components/listener/transcript-panel";
import { BookmarksProvider } from "@/components/player/bookmarks/bookmarks-context";
import { BookmarksSection } from "@/components/player/bookmarks/bookmarks-section";
import { SermonPlayer } from "@/components/player/sermon-player";
import { getSermonPageData, playableFromPage } from "@/lib/catalog/queries";
import { parseStartTime } from "@/lib/catalog/playback/start-time";
import { sermonShareMetadata } from "@/lib/catalog/sharing/sermon-share-metadata";
import { publicOrigin } from "@/lib/platform/http/public-origin";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string; sermonSlug: string }>;
  searchParams: Promise<{ t?: string | string[] }>;
};

// Link previews (Open Graph, Twitter card, oEmbed discovery); a `?t=` moment quotes its words.
export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { slug, sermonSlug } = await params;
  const page = await getSermonPageData(slug, sermonSlug);
  if (!page) return { title: "Sermon not found" };
  const { t } = await searchParams;
  return sermonShareMetadata(page, {
    origin: publicOrigin(await headers()),
    seconds: parseStartTime(Array.isArray(t) ? t[0] : t, page.sermon.durationMs),
  });
}

export default async function SermonPage({ params, searchParams }: Props) {
  const { slug, sermonSlug } = await params;
  const page = await getSermonPageData(slug, sermonSlug);
  if (!page) notFound();
  const { sermon, transcript, chapters } = page;
  const { t } = await searchParams;
  const linkTime = Array.isArray(t) ? t[0] : t;
  const startAt = parseStartTime(linkTime, sermon.durationMs);
  const playable = playableFromPage(sermon);

  return (
    <article className="mx-auto max-w-3xl px-4 py-10 sm:px-6 sm:py-14">
      <Link
        href={`/churches/${sermon.church.slug}`}
        className="text-sm font-medium text-amber-800 hover:underline"
      >
        ← {sermon.church.name}
      </Link>
      <h1 className="mt-4 font-serif text-3xl font-semibold leading-tight tracking-tight text-stone-900 sm:text-4xl">
        {sermon.title}
      </h1>
      <div className="mt-3">
        <SermonMeta sermon={sermon} />
      </div>

      <PlaybackProvider sermon={playable}>
        <OptionalBookmarks sermon={playable}>
          <div className="mt-8">
            {playable ? (
              <SermonPlayer
                sermon={playable}
                startAt={startAt}
                isFromLink={linkTime !== undefined}
                waveformUrl={sermon.media?.waveformUrl ?? null}
                chapters={chapters}
              />
            ) : (
              <div className="rounded-2xl border border-dashed border-stone-300 bg-white p-8 text-center">
                <p className="font-medium text-stone-900">The recording is being prepared</p>
                <p className="mt-2 text-sm text-stone-600">Check back in a few minutes.</p>
              </div>
            )}
          </div>

          {transcript && (
            <div className="mt-6">
              <TranscriptPanel
                segments={transcript.segments}
                verses={transcript.verses}
                chapters={chapters}
                isAutomatic={transcript.isAutomatic}
                captionsUrl={transcript.hasCaptions ? `/captions/${sermon.id}` : null}
              />
            </div>
          )}
          {playable && (
            <div className="mt-6">
              <BookmarksSection />
            </div>
          )}
        </OptionalBookmarks>
      </PlaybackProvider>

      <div className="mt-8 space-y-6">
        <PassageList passages={sermon.passages} />
        {sermon.description && (
          <p className="whitespace-pre-line text-base leading-7 text-stone-700">
            {sermon.description}
          </p>
        )}
        {sermon.tags.length > 0 && (
          <ul aria-label="Topics" className="flex flex-wrap gap-2">
            {sermon.tags.map((tag) => (
              <li
                key={tag}
                className="rounded-md bg-stone-100 px-2 py-1 text-xs font-medium text-stone-600"
              >
                #{tag}
              </li>
            ))}
          </ul>
        )}
      </div>
    </article>
  );
}

/** Bookmarks are kept for a sermon there is something to play of. */
function OptionalBookmarks({
  sermon,
  children,
}: {
  sermon: ReturnType<typeof playableFromPage>;
  children: ReactNode;
}) {
  return sermon ? <BookmarksProvider sermon={sermon}>{children}</BookmarksProvider> : children;
}
