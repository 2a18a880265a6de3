import type { FeedScope } from "./feed-scope";

/** A sermon as a podcast episode: what its feed item says. Paths are made absolute when written. */
export interface PodcastEpisode {
  /** The item's guid: the sermon's id, which never changes (a slug or title may). */
  sermonId: string;
  title: string;
  /** The listener page's path. */
  pagePath: string;
  description: string | null;
  /** Main passages ("Romans 8:1–11"), each with its verse page's path (`/bible/romans/8`). */
  passages: Array<{ text: string; pagePath: string }>;
  speaker: { name: string; pagePath: string } | null;
  /** The item's pubDate: the day it was preached, else when it went out. */
  publishedAt: Date;
  durationMs: number | null;
  /** The M4A download of the media version listeners are on, with its exact size. */
  enclosure: { path: string; bytes: number; type: string };
  /** The current transcript, when there is one: its files' paths and language. */
  transcript: { jsonPath: string; captionsPath: string | null; language: string | null } | null;
  /** The Podcasting 2.0 JSON chapters file's path, when the sermon has chapters. */
  chaptersPath: string | null;
}

/** One podcast feed's content, as the database has it; written out by `buildFeedXml`. */
export interface PodcastFeed {
  scope: FeedScope;
  title: string;
  description: string;
  /** The listener page the feed stands beside. */
  pagePath: string;
  church: { slug: string; name: string; givingUrl: string | null };
  /** The church owner's email: podcast:locked's owner and itunes:owner. */
  ownerEmail: string | null;
  /** A speaker's feed names them on the channel too. */
  person: { name: string; pagePath: string } | null;
  /** Newest first. */
  episodes: PodcastEpisode[];
  /** The latest change to anything the feed shows (or to a sermon leaving it). */
  lastModified: Date;
}
