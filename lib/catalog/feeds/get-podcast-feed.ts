import { cachedForListeners } from "@/lib/catalog/listener-cache/cached-for-listeners";
import { churchFeedsTag, churchTag } from "@/lib/catalog/listener-cache/cache-tags";
import type { FeedScope } from "./feed-scope";
import { loadPodcastFeed } from "./load-podcast-feed";
import type { PodcastFeed } from "./podcast-feed";

const cachedFeed = cachedForListeners<[FeedScope["kind"], string, string], PodcastFeed | null>(
  "podcast-feed",
  (_kind, church) => [churchTag(church), churchFeedsTag(church)],
  (kind, church, slug) =>
    loadPodcastFeed(kind === "church" ? { kind, church } : { kind, church, slug }),
);

/**
 * A podcast feed's content from the listener cache, under its church's tags: every write that
 * changes the church's pages (publishing, unpublishing, media recorded, settings) expires it
 * at once, and so does a transcript stored (`churchFeedsTag`). Null for an unknown scope.
 */
export const getPodcastFeed = (scope: FeedScope) =>
  cachedFeed(scope.kind, scope.church, scope.kind === "church" ? "" : scope.slug);
