import { describe, expect, it } from "vitest";
import { podcastGuid } from "./podcast-guid";

describe("podcastGuid", () => {
  it("matches the Podcasting 2.0 spec's examples", () => {
    expect(podcastGuid("https://podnews.net/rss")).toBe("9b024349-ccf0-5f69-a609-6b82873eab3c");
    expect(podcastGuid("https://mp3s.nashownotes.com/pc20rss.xml")).toBe(
      "917393e3-1b1e-5cef-ace4-edaa54e1f810",
    );
  });

  it("ignores the scheme and trailing slashes, as the spec says", () => {
    const guid = podcastGuid("https://sermons.example.org/churches/grace/feed.xml");
    expect(podcastGuid("http://sermons.example.org/churches/grace/feed.xml")).toBe(guid);
    expect(podcastGuid("https://sermons.example.org/churches/grace/feed.xml//")).toBe(guid);
    expect(podcastGuid("https://sermons.example.org/churches/other/feed.xml")).not.toBe(guid);
  });
});
