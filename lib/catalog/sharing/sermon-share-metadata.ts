import type { Metadata } from "next";
import type { SermonPageData } from "@/lib/catalog/queries";
import { shareLinks } from "./share-links";
import { sharePreview } from "./share-preview";

/** The preview image's size: what Open Graph and Twitter's large card expect. */
export const PREVIEW_IMAGE_SIZE = { width: 1200, height: 630 } as const;

/**
 * A sermon page's link preview and discovery tags: Open Graph (with the recording as
 * og:audio when its download exists), a Twitter large-image card, the generated preview
 * image, and oEmbed discovery. With `seconds` > 0 (a `?t=` moment) the preview's title,
 * description and image quote what is said then, and og:url keeps the moment; the page's
 * title and canonical URL stay the sermon's. URLs are absolute on `origin`
 * (lib/platform/http/public-origin.ts).
 */
export function sermonShareMetadata(
  page: SermonPageData,
  options: { origin: string; seconds: number },
): Metadata {
  const { sermon } = page;
  const { origin, seconds } = options;
  const preview = sharePreview(page, seconds);
  const url = (path: string) => shareLinks.absolute(origin, path);
  const canonical = url(shareLinks.sermonPage(sermon));
  const pageUrl = url(shareLinks.sermonPage(sermon, seconds));
  const title = `${sermon.title} · ${sermon.church.name}`;
  // The page keeps its title; a moment's preview names the moment.
  const shareTitle = preview.moment ? `${sermon.title} at ${preview.moment.at}` : sermon.title;
  const image = {
    url: url(shareLinks.previewImage(sermon.id, seconds)),
    ...PREVIEW_IMAGE_SIZE,
    type: "image/png",
    alt: preview.moment?.quote
      ? `“${preview.moment.quote}” — ${sermon.title}`
      : `${sermon.title}, ${sermon.church.name}`,
  };
  const downloadUrl = sermon.media?.downloadUrl;
  return {
    title,
    description: preview.description,
    alternates: {
      canonical,
      types: {
        "application/json+oembed": [{ url: url(shareLinks.oembed(pageUrl)), title: sermon.title }],
      },
    },
    openGraph: {
      type: "article",
      siteName: "Selah",
      url: pageUrl,
      title: shareTitle,
      description: preview.description,
      images: [image],
      ...(downloadUrl ? { audio: [{ url: url(downloadUrl), type: "audio/mp4" }] } : {}),
      ...(sermon.preachedOn ? { publishedTime: sermon.preachedOn.toISOString() } : {}),
      ...(sermon.speaker ? { authors: [sermon.speaker.name] } : {}),
    },
    twitter: {
      card: "summary_large_image",
      title: shareTitle,
      description: preview.description,
      images: [{ url: image.url, alt: image.alt }],
    },
  };
}
