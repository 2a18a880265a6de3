import { describe, expect, it } from "vitest";
import type { SermonPageData } from "@/lib/catalog/queries";
import { sermonShareMetadata } from "./sermon-share-metadata";

const ORIGIN = "https://sermons.example.org";
const page: SermonPageData = {
  sermon: {
    id: "cm0sermon",
    slug: "no-condemnation",
    title: "No Condemnation",
    church: {
      slug: "grace",
      name: "Grace Chapel",
      description: null,
      websiteUrl: null,
    },
    speaker: { slug: "ruth-okafor", name: "Ruth Okafor" },
    series: null,
    preachedOn: new Date("2025-03-02T00:00:00Z"),
    durationMs: 600_000,
    passages: ["Romans 8:1-11"],
    description: null,
    tags: [],
    media: {
      streamUrl: "/media/cm0sermon/v1/master.m3u8",
      downloadUrl: "/media/cm0sermon/v1/download.m4a",
      waveformUrl: null,
    },
  },
  transcript: {
    provider: "provided",
    isAutomatic: false,
    hasCaptions: false,
    verses: [],
    segments: [
      {
        id: "s1",
        startMs: 0,
        endMs: 4_000,
        speaker: null,
        text: "Good morning, church.",
        scripture: null,
        source: null,
        confidence: null,
        wordConfidences: [],
      },
      {
        id: "s2",
        startMs: 90_000,
        endMs: 96_000,
        speaker: null,
        source: null,
        confidence: null,
        wordConfidences: [],
        text: "There is therefore now no condemnation for those who are in Christ Jesus.",
        scripture: null,
      },
    ],
  },
  chapters: [],
};

describe("sermonShareMetadata", () => {
  it("describes the sermon: Open Graph, a large Twitter card, its audio and oEmbed discovery", () => {
    const metadata = sermonShareMetadata(page, { origin: ORIGIN, seconds: 0 });
    const url = `${ORIGIN}/churches/grace/sermons/no-condemnation`;
    expect(metadata.title).toBe("No Condemnation · Grace Chapel");
    expect(metadata.description).toBe("A sermon by Ruth Okafor at Grace Chapel, Mar 2, 2025.");
    expect(metadata.alternates).toEqual({
      canonical: url,
      types: {
        "application/json+oembed": [
          {
            url: `${ORIGIN}/api/oembed?url=${encodeURIComponent(url)}&format=json`,
            title: "No Condemnation",
          },
        ],
      },
    });
    expect(metadata.openGraph).toMatchObject({
      type: "article",
      siteName: "Selah",
      url,
      title: "No Condemnation",
      images: [
        {
          url: `${ORIGIN}/preview/sermons/cm0sermon`,
          width: 1200,
          height: 630,
          type: "image/png",
        },
      ],
      audio: [{ url: `${ORIGIN}/media/cm0sermon/v1/download.m4a`, type: "audio/mp4" }],
    });
    expect(metadata.twitter).toMatchObject({
      card: "summary_large_image",
      images: [{ url: `${ORIGIN}/preview/sermons/cm0sermon` }],
    });
  });

  it("quotes a moment's words and keeps its time in og:url and the image", () => {
    const metadata = sermonShareMetadata(page, { origin: ORIGIN, seconds: 91 });
    const quote = "There is therefore now no condemnation for those who are in Christ Jesus.";
    expect(metadata.title).toBe("No Condemnation · Grace Chapel");
    expect(metadata.description).toBe(`“${quote}” — Ruth Okafor, at 1:31 in “No Condemnation”.`);
    expect(metadata.alternates?.canonical).toBe(`${ORIGIN}/churches/grace/sermons/no-condemnation`);
    expect(metadata.openGraph).toMatchObject({
      url: `${ORIGIN}/churches/grace/sermons/no-condemnation?t=91`,
      title: "No Condemnation at 1:31",
      images: [
        { url: `${ORIGIN}/preview/sermons/cm0sermon?t=91`, alt: `“${quote}” — No Condemnation` },
      ],
    });
  });

  it("leaves out og:audio until the download exists, and says where a moment is without a transcript", () => {
    const preparing = {
      sermon: { ...page.sermon, media: { ...page.sermon.media!, downloadUrl: null } },
      transcript: null,
      chapters: [],
    };
    const metadata = sermonShareMetadata(preparing, { origin: ORIGIN, seconds: 30 });
    expect(metadata.openGraph).not.toHaveProperty("audio");
    expect(metadata.description).toBe(
      "Listen from 0:30 in “No Condemnation”. A sermon by Ruth Okafor at Grace Chapel, Mar 2, 2025.",
    );
  });
});
