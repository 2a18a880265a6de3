import { type FeedObject, parseFeed } from "podcast-partytime";
import { describe, expect, it } from "vitest";
import { buildFeedXml } from "./build-feed-xml";
import type { PodcastEpisode, PodcastFeed } from "./podcast-feed";
import { podcastGuid } from "./podcast-guid";

const ORIGIN = "https://sermons.example.org";

const episode = (overrides: Partial<PodcastEpisode> = {}): PodcastEpisode => ({
  sermonId: "cm0sermon1",
  title: "The Spirit of Adoption",
  pagePath: "/churches/grace-chapel/sermons/the-spirit-of-adoption",
  description: "We cry, Abba! Father!",
  passages: [{ text: "Romans 8:12–17", pagePath: "/bible/romans/8" }],
  speaker: { name: "Ruth Okafor", pagePath: "/churches/grace-chapel/speakers/ruth-okafor" },
  publishedAt: new Date("2026-11-22T00:00:00Z"),
  durationMs: 2_723_400,
  enclosure: { path: "/media/cm0sermon1/v2/download.m4a", bytes: 21_787_213, type: "audio/mp4" },
  transcript: {
    jsonPath: "/captions/cm0sermon1/transcript.json",
    captionsPath: "/captions/cm0sermon1",
    language: "en",
  },
  chaptersPath: "/api/sermons/cm0sermon1/chapters.json",
  ...overrides,
});

const churchFeed = (overrides: Partial<PodcastFeed> = {}): PodcastFeed => ({
  scope: { kind: "church", church: "grace-chapel" },
  title: "Grace Chapel",
  description: "A neighbourhood church, preaching verse by verse.",
  pagePath: "/churches/grace-chapel",
  church: { slug: "grace-chapel", name: "Grace Chapel", givingUrl: "https://grace.example/give" },
  ownerEmail: "pastor@grace.example",
  person: null,
  episodes: [
    episode(),
    episode({
      sermonId: "cm0sermon0",
      title: "No Condemnation",
      pagePath: "/churches/grace-chapel/sermons/no-condemnation",
      passages: [{ text: "Romans 8:1–11", pagePath: "/bible/romans/8" }],
      publishedAt: new Date("2026-11-15T00:00:00Z"),
      chaptersPath: null,
      enclosure: {
        path: "/media/cm0sermon0/v1/download.m4a",
        bytes: 19_000_001,
        type: "audio/mp4",
      },
    }),
  ],
  lastModified: new Date("2026-11-22T18:30:12Z"),
  ...overrides,
});

function read(feed: PodcastFeed): FeedObject {
  const parsed = parseFeed(buildFeedXml(feed, ORIGIN));
  expect(parsed, "podcast-partytime reads the feed").not.toBeNull();
  return parsed!;
}

describe("buildFeedXml, read back by podcast-partytime", () => {
  it("writes the channel: self link, podcast:guid, locked, artwork, category, funding, owner", () => {
    const channel = read(churchFeed());
    const feedUrl = `${ORIGIN}/churches/grace-chapel/feed.xml`;
    expect(channel.title).toBe("Grace Chapel");
    expect(channel.description).toBe("A neighbourhood church, preaching verse by verse.");
    expect(channel.link).toBe(`${ORIGIN}/churches/grace-chapel`);
    expect(channel.pubsub?.self).toBe(feedUrl);
    expect(channel.guid).toBe(podcastGuid(feedUrl));
    expect(channel.guid).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(channel.locked).toBe(false);
    expect(channel.podcastOwner).toBe("pastor@grace.example");
    expect(channel.owner).toEqual({ name: "Grace Chapel", email: "pastor@grace.example" });
    expect(channel.itunesImage).toMatch(
      new RegExp(`^${ORIGIN}/churches/grace-chapel/podcast-artwork\\.png\\?v=[\\w-]+$`),
    );
    expect(channel.itunesCategory).toEqual(["Religion & Spirituality > Christianity"]);
    expect(channel.podcastFunding).toEqual([
      { url: "https://grace.example/give", message: "Support Grace Chapel" },
    ]);
    expect(channel.language).toBe("en");
    expect(channel.explicit).toBe(false);
    expect(channel.lastBuildDate).toEqual(new Date("2026-11-22T18:30:12Z"));
  });

  it("writes each item: enclosure, stable guid, passage, duration, transcripts, speaker", () => {
    const [newest, older] = read(churchFeed()).items;
    expect(newest).toMatchObject({
      guid: "cm0sermon1",
      title: "The Spirit of Adoption",
      link: `${ORIGIN}/churches/grace-chapel/sermons/the-spirit-of-adoption`,
      enclosure: {
        url: `${ORIGIN}/media/cm0sermon1/v2/download.m4a`,
        length: 21_787_213,
        type: "audio/mp4",
      },
      duration: 2723,
      pubDate: new Date("2026-11-22T00:00:00Z"),
      author: "Ruth Okafor",
    });
    expect(newest!.description).toContain(`Scripture: Romans 8:12–17 (${ORIGIN}/bible/romans/8)`);
    expect(newest!.description).toContain("We cry, Abba! Father!");
    expect(newest!.podcastTranscripts).toEqual([
      {
        url: `${ORIGIN}/captions/cm0sermon1`,
        type: "text/vtt",
        language: "en",
        rel: "captions",
      },
      {
        url: `${ORIGIN}/captions/cm0sermon1/transcript.json`,
        type: "application/json",
        language: "en",
      },
    ]);
    expect(newest!.podcastPeople).toEqual([
      expect.objectContaining({
        name: "Ruth Okafor",
        href: `${ORIGIN}/churches/grace-chapel/speakers/ruth-okafor`,
      }),
    ]);
    expect(older!.guid).toBe("cm0sermon0");
  });

  it("links each item's chapters file (podcast:chapters) once the sermon has chapters", () => {
    const [newest, older] = read(churchFeed()).items;
    expect(newest!.podcastChapters).toEqual({
      url: `${ORIGIN}/api/sermons/cm0sermon1/chapters.json`,
      type: "application/json+chapters",
    });
    expect(older!.podcastChapters).toBeUndefined();
  });

  it("marks the guid as no permalink (partytime does not read the attribute)", () => {
    const xml = buildFeedXml(churchFeed(), ORIGIN);
    const guids = [...xml.matchAll(/<guid isPermaLink="(\w+)">([^<]*)<\/guid>/g)];
    expect(guids.map(([, permaLink, guid]) => [permaLink, guid])).toEqual([
      ["false", "cm0sermon1"],
      ["false", "cm0sermon0"],
    ]);
  });

  it("keeps HTML in titles and names as text, never as markup", () => {
    const title = `<b>Hope</b> & "glory" <script>alert(1)</script> ]]> <![CDATA[x`;
    const feed = churchFeed({
      title: "Grace <em>Chapel</em>",
      church: { slug: "grace-chapel", name: "Grace <em>Chapel</em>", givingUrl: null },
      episodes: [episode({ title, description: "<p>Not a paragraph</p>" })],
    });
    const xml = buildFeedXml(feed, ORIGIN);
    expect(xml).not.toMatch(/<(b|em|p|script)>/);
    expect(xml).not.toContain("CDATA[<");
    const channel = read(feed);
    expect(channel.title).toBe("Grace <em>Chapel</em>");
    expect(channel.items[0]!.title).toBe(title);
    expect(channel.items[0]!.description).toContain("<p>Not a paragraph</p>");
  });

  it("leaves out what a church has not set up: funding, the lock's owner, transcripts", () => {
    const channel = read(
      churchFeed({
        church: { slug: "grace-chapel", name: "Grace Chapel", givingUrl: null },
        ownerEmail: null,
        episodes: [episode({ transcript: null, speaker: null, passages: [] })],
      }),
    );
    expect(channel.podcastFunding).toBeUndefined();
    // Still <podcast:locked>no</podcast:locked>, which partytime reads only with an owner.
    expect(channel.locked).not.toBe(true);
    expect(channel.podcastOwner).toBeUndefined();
    expect(channel.items[0]!.podcastTranscripts).toBeUndefined();
    expect(channel.items[0]!.podcastPeople).toBeUndefined();
    expect(channel.items[0]!.description).toBe("We cry, Abba! Father!");
  });

  it("links only the JSON transcript when there are no captions", () => {
    const [item] = read(
      churchFeed({
        episodes: [
          episode({
            transcript: {
              jsonPath: "/captions/cm0sermon1/transcript.json",
              captionsPath: null,
              language: null,
            },
          }),
        ],
      }),
    ).items;
    // No language of its own: partytime gives it the channel's.
    expect(item!.podcastTranscripts).toEqual([
      {
        url: `${ORIGIN}/captions/cm0sermon1/transcript.json`,
        type: "application/json",
        language: "en",
      },
    ]);
  });

  it("gives a series and a speaker feed their own address and guid, the speaker named on the channel", () => {
    const series = read(
      churchFeed({
        scope: { kind: "series", church: "grace-chapel", slug: "romans" },
        pagePath: "/churches/grace-chapel/series/romans",
      }),
    );
    const speaker = read(
      churchFeed({
        scope: { kind: "speaker", church: "grace-chapel", slug: "ruth-okafor" },
        pagePath: "/churches/grace-chapel/speakers/ruth-okafor",
        person: { name: "Ruth Okafor", pagePath: "/churches/grace-chapel/speakers/ruth-okafor" },
      }),
    );
    expect(series.pubsub?.self).toBe(`${ORIGIN}/churches/grace-chapel/series/romans/feed.xml`);
    expect(speaker.pubsub?.self).toBe(
      `${ORIGIN}/churches/grace-chapel/speakers/ruth-okafor/feed.xml`,
    );
    expect(new Set([series.guid, speaker.guid, read(churchFeed()).guid]).size).toBe(3);
    expect(series.podcastPeople).toBeUndefined();
    expect(speaker.podcastPeople?.map((person) => person.name)).toEqual(["Ruth Okafor"]);
  });

  it("writes the same bytes for the same content, whenever it is written", async () => {
    const first = buildFeedXml(churchFeed(), ORIGIN);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(buildFeedXml(churchFeed(), ORIGIN)).toBe(first);
  });
});
