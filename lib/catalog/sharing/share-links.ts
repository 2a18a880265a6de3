import { sermonPagePath } from "@/lib/catalog/sermons/sermon-page-path";

/** `path` playing from `seconds` (`?t=`, whole seconds), or from the start. */
const fromSecond = (path: string, seconds: number) =>
  seconds > 0 ? `${path}?t=${Math.floor(seconds)}` : path;

/**
 * Where a shared sermon lives, built in this one place: its page (a moment is it with `?t=`),
 * the embeddable player (app/embed/sermons/[id]), its preview image
 * (app/preview/sermons/[id]) and the oEmbed endpoint (app/api/oembed). Paths, or absolute URLs
 * when given the public origin (lib/platform/http/public-origin.ts).
 */
export const shareLinks = {
  /** The sermon's page (lib/catalog/sermons/sermon-page-path.ts); with `seconds`, a moment. */
  sermonPage(sermon: { church: { slug: string }; slug: string }, seconds = 0): string {
    return fromSecond(sermonPagePath(sermon.church.slug, sermon.slug), seconds);
  },

  /** The oEmbed author_url. */
  speakerPage(churchSlug: string, speakerSlug: string): string {
    return `/churches/${encodeURIComponent(churchSlug)}/speakers/${encodeURIComponent(speakerSlug)}`;
  },

  embed(sermonId: string, seconds = 0): string {
    return fromSecond(`/embed/sermons/${encodeURIComponent(sermonId)}`, seconds);
  },

  previewImage(sermonId: string, seconds = 0): string {
    return fromSecond(`/preview/sermons/${encodeURIComponent(sermonId)}`, seconds);
  },

  oembed(pageUrl: string): string {
    return `/api/oembed?${new URLSearchParams({ url: pageUrl, format: "json" })}`;
  },

  absolute(origin: string, path: string): string {
    return new URL(path, origin).toString();
  },
};
