import { Podcast } from "podcast";
import { CHAPTERS_CONTENT_TYPE } from "@/lib/catalog/chapters/podcast-chapters-json";
import { feedArtworkUrl } from "./feed-artwork";
import { feedUrl } from "./feed-scope";
import type { PodcastEpisode, PodcastFeed } from "./podcast-feed";
import { podcastGuid } from "./podcast-guid";

// Selah's pages and its local recogniser are English; a church's own language would go here.
const FEED_LANGUAGE = "en";

/** Podcasting 2.0's locked: other platforms may import the feed (the owner can say otherwise). */
const LOCKED = "no";

/**
 * A podcast feed as RSS 2.0 with the iTunes and Podcasting 2.0 namespaces, written by the
 * `podcast` library; every URL absolute on `origin` (the address listeners reach Selah on).
 * The same feed and origin always give the same bytes (see `finishXml`), so a hash of them is
 * the feed's ETag.
 */
export function buildFeedXml(feed: PodcastFeed, origin: string): string {
  const selfUrl = feedUrl(origin, feed.scope);
  const channel = new Podcast({
    title: feed.title,
    description: feed.description,
    feedUrl: selfUrl,
    siteUrl: `${origin}${feed.pagePath}`,
    imageUrl: feedArtworkUrl(origin, feed.church),
    // itunes:author only: RSS's channel has no <author>, which `author` would also write.
    itunesAuthor: feed.church.name,
    language: FEED_LANGUAGE,
    generator: "Selah",
    ...(feed.episodes[0] ? { pubDate: feed.episodes[0].publishedAt } : {}),
    itunesOwner: { name: feed.church.name, email: feed.ownerEmail ?? "" },
    itunesExplicit: false,
    itunesType: "episodic",
    itunesCategory: [{ text: "Religion & Spirituality", subcats: [{ text: "Christianity" }] }],
    namespaces: { iTunes: true, podcast: true, simpleChapters: false },
    customElements: [
      { "podcast:guid": podcastGuid(selfUrl) },
      {
        "podcast:locked": [
          ...(feed.ownerEmail ? [{ _attr: { owner: feed.ownerEmail } }] : []),
          LOCKED,
        ],
      },
      ...(feed.church.givingUrl
        ? [
            {
              "podcast:funding": [
                { _attr: { url: feed.church.givingUrl } },
                `Support ${feed.church.name}`.slice(0, 128),
              ],
            },
          ]
        : []),
      ...(feed.person ? [personElement(feed.person, origin)] : []),
    ],
  });
  for (const episode of feed.episodes) channel.addItem(item(episode, origin));
  return finishXml(channel.buildXml(), feed.lastModified);
}

function item(episode: PodcastEpisode, origin: string) {
  const transcript = episode.transcript;
  const language = transcript?.language ? { language: transcript.language } : {};
  return {
    title: episode.title,
    description: episodeDescription(episode, origin),
    url: `${origin}${episode.pagePath}`,
    // Never the slug or the title: a podcast app would take a renamed sermon for a new one.
    guid: episode.sermonId,
    date: episode.publishedAt,
    ...(episode.speaker ? { author: episode.speaker.name } : {}),
    enclosure: {
      url: `${origin}${episode.enclosure.path}`,
      size: episode.enclosure.bytes,
      type: episode.enclosure.type,
    },
    ...(episode.durationMs !== null
      ? { itunesDuration: Math.max(1, Math.round(episode.durationMs / 1000)) }
      : {}),
    itunesExplicit: false,
    itunesEpisodeType: "full" as const,
    customElements: [
      ...(transcript
        ? [
            ...(transcript.captionsPath
              ? [
                  {
                    "podcast:transcript": {
                      _attr: {
                        url: `${origin}${transcript.captionsPath}`,
                        type: "text/vtt",
                        ...language,
                        rel: "captions",
                      },
                    },
                  },
                ]
              : []),
            {
              "podcast:transcript": {
                _attr: {
                  url: `${origin}${transcript.jsonPath}`,
                  type: "application/json",
                  ...language,
                },
              },
            },
          ]
        : []),
      ...(episode.chaptersPath
        ? [
            {
              "podcast:chapters": {
                _attr: { url: `${origin}${episode.chaptersPath}`, type: CHAPTERS_CONTENT_TYPE },
              },
            },
          ]
        : []),
      ...(episode.speaker ? [personElement(episode.speaker, origin)] : []),
    ],
  };
}

/**
 * The main passages first (what a listener scanning a list looks for), each with the address
 * of its verse page (every sermon on it), then the description.
 */
function episodeDescription(episode: PodcastEpisode, origin: string): string {
  const passages = episode.passages.map(
    (passage) => `${passage.text} (${origin}${passage.pagePath})`,
  );
  const parts = [
    passages.length ? `Scripture: ${passages.join("; ")}` : null,
    episode.description,
    episode.speaker ? `Speaker: ${episode.speaker.name}` : null,
  ];
  return parts.filter(Boolean).join("\n\n");
}

/** podcast:person for a speaker, linking to their page; the namespace's default role, host. */
const personElement = (person: { name: string; pagePath: string }, origin: string) => ({
  "podcast:person": [{ _attr: { href: `${origin}${person.pagePath}` } }, person.name],
});

const CDATA_SECTION = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
const escapeText = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/**
 * Two things the `rss` library underneath `podcast` does its own way, put right:
 * - it wraps titles and descriptions in CDATA sections, which keep `<b>` or `<script>` in a
 *   title as raw markup in the document; written as escaped text instead (the same characters
 *   to every XML parser), HTML in a title can only ever be text. The library splits a `]]>`
 *   in the text across two sections, which the pattern reads back as one text.
 * - it stamps lastBuildDate with the time of writing; it becomes the time the content last
 *   changed, as RSS means it, so the same content is the same bytes (and the same ETag).
 */
function finishXml(xml: string, lastModified: Date): string {
  return xml
    .replace(CDATA_SECTION, (_section, text: string) => escapeText(text))
    .replace(
      /<lastBuildDate>[^<]*<\/lastBuildDate>/,
      `<lastBuildDate>${lastModified.toUTCString()}</lastBuildDate>`,
    );
}
