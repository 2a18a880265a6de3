import { AppError } from "@/lib/platform/errors/app-error";
import { parseStartTime } from "@/lib/catalog/playback/start-time";
import { getSharedSermon } from "./get-shared-sermon";
import { parseSharedUrl } from "./parse-shared-url";
import { PREVIEW_IMAGE_SIZE } from "./sermon-share-metadata";
import { shareLinks } from "./share-links";

/** The embedded player's natural size: it stretches to any width, and needs this height. */
export const EMBED_SIZE = { width: 640, height: 200 } as const;

/** How long a consumer may keep an answer (seconds): titles and speakers rarely change. */
export const OEMBED_CACHE_SECONDS = 3600;

/** An oEmbed 1.0 "rich" answer: the embedded player as an iframe. */
export interface OembedRich {
  version: "1.0";
  type: "rich";
  title: string;
  author_name?: string;
  author_url?: string;
  provider_name: "Selah";
  provider_url: string;
  cache_age: number;
  html: string;
  width: number;
  height: number;
  thumbnail_url: string;
  thumbnail_width: number;
  thumbnail_height: number;
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

function maxSize(query: URLSearchParams, name: "maxwidth" | "maxheight"): number {
  const value = query.get(name);
  if (value === null || value === "") return Infinity;
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new AppError("invalid_request", `${name} must be a whole number of pixels, like 480.`, {
      status: 400,
      fields: { [name]: ["Expected a whole number of pixels."] },
    });
  return Number(value);
}

/**
 * The oEmbed endpoint's answer (https://oembed.com) for a link to a sermon of this site
 * (`origin`), page or embed, with or without `?t=`: its embedded player, sized within
 * maxwidth/maxheight, with the preview image as thumbnail. JSON only (501 for any other
 * format); 400 for a url that is not a link at all or a bad size; 404 for a link that is not a
 * sermon listeners can see here.
 */
export async function answerOembed(query: URLSearchParams, origin: string): Promise<OembedRich> {
  const format = query.get("format") ?? "json";
  if (format !== "json")
    throw new AppError("invalid_request", `Only format=json is offered, not format=${format}.`, {
      status: 501,
    });
  const ref = parseSharedUrl(query.get("url"), origin);
  const maxWidth = maxSize(query, "maxwidth");
  const maxHeight = maxSize(query, "maxheight");
  const page = ref && (await getSharedSermon(ref));
  if (!ref || !page) throw AppError.notFound(`That link is not a published sermon on ${origin}.`);

  const { sermon } = page;
  const seconds = parseStartTime(ref.t, sermon.durationMs);
  const url = (path: string) => shareLinks.absolute(origin, path);
  const width = Math.min(EMBED_SIZE.width, maxWidth);
  const height = Math.min(EMBED_SIZE.height, maxHeight);
  const html =
    `<iframe src="${escapeAttribute(url(shareLinks.embed(sermon.id, seconds)))}" ` +
    `width="${width}" height="${height}" title="${escapeAttribute(`${sermon.title} — Selah`)}" ` +
    `style="border:0;border-radius:12px;max-width:100%" loading="lazy"></iframe>`;
  return {
    version: "1.0",
    type: "rich",
    title: sermon.title,
    ...(sermon.speaker
      ? {
          author_name: sermon.speaker.name,
          author_url: url(shareLinks.speakerPage(sermon.church.slug, sermon.speaker.slug)),
        }
      : {}),
    provider_name: "Selah",
    provider_url: `${origin}/`,
    cache_age: OEMBED_CACHE_SECONDS,
    html,
    width,
    height,
    thumbnail_url: url(shareLinks.previewImage(sermon.id, seconds)),
    thumbnail_width: PREVIEW_IMAGE_SIZE.width,
    thumbnail_height: PREVIEW_IMAGE_SIZE.height,
  };
}
