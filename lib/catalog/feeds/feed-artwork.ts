import { createHash } from "node:crypto";
import { getDb } from "@/lib/platform/db/client";
import { feedArtworkPath } from "./feed-scope";

/** Apple Podcasts asks for square artwork of 1400–3000 px. */
export const FEED_ARTWORK_SIZE = { width: 1400, height: 1400 } as const;

// Bump when the picture's design (components/listener/podcast-artwork.tsx) changes, so podcast
// apps fetch the new one.
const ARTWORK_DESIGN = 1;

/** Names the picture a church's name makes: its URL's `v` and its ETag's content. */
export const feedArtworkVersion = (churchName: string) =>
  createHash("sha256").update(`${ARTWORK_DESIGN}\n${churchName}`).digest("base64url").slice(0, 16);

/**
 * The address of a church's feed artwork, drawn from its name: the name is in the URL (as a
 * hash), so a renamed church's feeds point podcast apps, which keep artwork by URL, at a new
 * picture.
 */
export const feedArtworkUrl = (origin: string, church: { slug: string; name: string }) =>
  `${origin}${feedArtworkPath(church.slug)}?v=${feedArtworkVersion(church.name)}`;

/** The name the artwork shows; null for an unknown church. */
export const findFeedArtworkChurch = (churchSlug: string) =>
  getDb().church.findUnique({ where: { slug: churchSlug }, select: { name: true } });
