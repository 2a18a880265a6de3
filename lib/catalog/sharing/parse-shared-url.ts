import { AppError } from "@/lib/platform/errors/app-error";

/** A sermon as a shared link names it: its page (by slugs) or its embed (by id); `t` as given. */
export type SharedSermonRef =
  | { churchSlug: string; sermonSlug: string; t: string | undefined }
  | { sermonId: string; t: string | undefined };

const SERMON_PAGE = /^\/churches\/([^/]+)\/sermons\/([^/]+)\/?$/;
const EMBED_PAGE = /^\/embed\/sermons\/([^/]+)\/?$/;

const decode = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
};

/**
 * Which sermon of this site a link points at (an oEmbed consumer's `url`): a sermon page,
 * with or without `?t=`, or an embed page, on `origin`'s host (either scheme: a link pasted
 * as http:// still names the https site). Null for another site's link or another page;
 * an AppError (400) for something that is not an http(s) URL at all.
 */
export function parseSharedUrl(value: string | null, origin: string): SharedSermonRef | null {
  if (!value?.trim())
    throw new AppError("invalid_request", "Give the sermon's link as the url parameter.", {
      status: 400,
    });
  const url = URL.canParse(value.trim()) ? new URL(value.trim()) : null;
  if (url?.protocol !== "http:" && url?.protocol !== "https:")
    throw new AppError(
      "invalid_request",
      `The url parameter must be a full http(s) link to a sermon, like ${origin}/churches/grace-chapel/sermons/born-again.`,
      { status: 400 },
    );
  if (url.host !== new URL(origin).host) return null;
  const t = url.searchParams.get("t") ?? undefined;
  const page = SERMON_PAGE.exec(url.pathname);
  if (page) {
    const [churchSlug, sermonSlug] = [decode(page[1]!), decode(page[2]!)];
    return churchSlug && sermonSlug ? { churchSlug, sermonSlug, t } : null;
  }
  const embed = EMBED_PAGE.exec(url.pathname);
  const sermonId = embed ? decode(embed[1]!) : undefined;
  return sermonId ? { sermonId, t } : null;
}
