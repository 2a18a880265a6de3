import { describe, expect, it } from "vitest";
import { podcastFeedXml } from "@/test/support/podcast-feed";
import { decodeXml } from "./read-feed";
import { parsePodcastFeed } from "./parse-podcast-feed";

describe("parsePodcastFeed", () => {
  it("makes each item a sermon's details: speaker, series, date, text, transcript", () => {
    const feed = parsePodcastFeed(
      podcastFeedXml("Grace Chapel Sermons", [
        {
          title: "The Good Shepherd",
          guid: "gc-2026-11-22",
          enclosureUrl: "https://media.example.org/2026-11-22.mp3",
          pubDate: "Sun, 22 Nov 2026 10:30:00 GMT",
          description: "<p>Psalm 23 &amp; John 10.</p><ul><li>Rest</li><li>Trust</li></ul>",
          person: "Ruth Okafor",
          author: "Grace Chapel",
          season: { number: 3, name: "Psalms of Ascent" },
          keywords: "psalms, shepherd, psalms",
          transcripts: [
            { url: "https://media.example.org/2026-11-22.json", type: "application/json" },
            { url: "https://media.example.org/2026-11-22.srt", type: "application/x-subrip" },
            { url: "https://media.example.org/2026-11-22.txt", type: "text/plain" },
          ],
        },
        {
          title: "Advent Hope",
          enclosureUrl: "https://media.example.org/advent.mp3",
          author: "pastor@example.org (Daniel Mwangi)",
          season: { number: 4 },
        },
        { title: "Duplicate", guid: "gc-2026-11-22", enclosureUrl: "https://x.org/dup.mp3" },
      ]),
    );
    expect(feed.title).toBe("Grace Chapel Sermons");
    expect(feed.entries).toEqual([
      {
        key: "gc-2026-11-22",
        title: "The Good Shepherd",
        description: "Psalm 23 & John 10.\n• Rest\n• Trust",
        publishedAt: new Date("2026-11-22T10:30:00Z"),
        speaker: "Ruth Okafor",
        series: "Psalms of Ascent",
        tags: ["psalms", "shepherd"],
        enclosureUrl: "https://media.example.org/2026-11-22.mp3",
        transcript: { url: "https://media.example.org/2026-11-22.srt", type: "srt" },
      },
      {
        // No guid: the enclosure URL is its identity. A season number alone names no series.
        key: "https://media.example.org/advent.mp3",
        title: "Advent Hope",
        description: null,
        publishedAt: null,
        speaker: "Daniel Mwangi",
        series: null,
        tags: [],
        enclosureUrl: "https://media.example.org/advent.mp3",
        transcript: null,
      },
    ]);
  });

  it("refuses malformed XML with where it breaks", () => {
    const broken = podcastFeedXml("Broken", [
      { title: "One", guid: "1", enclosureUrl: "https://x.org/1.mp3" },
    ]).replace("</item>", "</itme>");
    expect(() => parsePodcastFeed(broken)).toThrow(
      /^The feed is not well-formed XML: line \d+, column \d+: .*item/,
    );
    expect(() => parsePodcastFeed("<html><body>Not found</body>")).toThrow("not well-formed XML");
    expect(() => parsePodcastFeed("")).toThrow("The feed is empty.");
    expect(() => parsePodcastFeed("<opml><body/></opml>")).toThrow("not a podcast feed");
    expect(() =>
      parsePodcastFeed(
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss><channel/></rss>',
      ),
    ).toThrow("declares XML entities");
  });

  it("reads the encoding the feed declares", () => {
    const latin1 = Buffer.from(
      '<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Caf\xe9</title></channel></rss>',
      "latin1",
    );
    expect(decodeXml(latin1, "application/rss+xml")).toContain("Café");
    expect(decodeXml(Buffer.from("<rss>Zoë</rss>"), "text/xml; charset=utf-8")).toContain("Zoë");
  });
});
