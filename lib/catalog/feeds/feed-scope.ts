/**
 * Which sermons a podcast feed carries: a church's, or one of its series' or speakers'. Named
 * by the slugs of the listener pages it stands beside, so a feed's address is its page's plus
 * `/feed.xml`, the one place these addresses are made.
 */
export type FeedScope =
  { kind: "church"; church: string } | { kind: "series" | "speaker"; church: string; slug: string };

/** The listener page the feed belongs to: `/churches/{church}[/series|speakers/{slug}]`. */
export function feedPagePath(scope: FeedScope): string {
  const church = `/churches/${encodeURIComponent(scope.church)}`;
  if (scope.kind === "church") return church;
  const folder = scope.kind === "series" ? "series" : "speakers";
  return `${church}/${folder}/${encodeURIComponent(scope.slug)}`;
}

/** The feed's public path: its page's, plus `/feed.xml`. */
export const feedPath = (scope: FeedScope) => `${feedPagePath(scope)}/feed.xml`;

/** The feed's address, for podcast apps and the pages' alternate links. */
export const feedUrl = (origin: string, scope: FeedScope) => `${origin}${feedPath(scope)}`;

/** The church's generated square artwork (its name), shared by all of its feeds. */
export const feedArtworkPath = (churchSlug: string) =>
  `/churches/${encodeURIComponent(churchSlug)}/podcast-artwork.png`;
