import { describe, expect, it } from "vitest";
import { parseMediaPlaylist, toVodPlaylist } from "./media-playlist";

const live = [
  "#EXTM3U",
  "#EXT-X-VERSION:7",
  "#EXT-X-TARGETDURATION:6",
  "#EXT-X-MEDIA-SEQUENCE:0",
  "#EXT-X-PLAYLIST-TYPE:EVENT",
  '#EXT-X-MAP:URI="init.mp4"',
  "#EXTINF:6.013968,",
  "seg-00000.m4s",
  "#EXTINF:5.990748,",
  "seg-00001.m4s",
  "",
].join("\n");

describe("parseMediaPlaylist", () => {
  it("lists segments with durations, the init segment and whether it has ended", () => {
    expect(parseMediaPlaylist(live)).toEqual({
      segments: [
        { uri: "seg-00000.m4s", durationSeconds: 6.013968 },
        { uri: "seg-00001.m4s", durationSeconds: 5.990748 },
      ],
      initUri: "init.mp4",
      isEnded: false,
    });
    expect(parseMediaPlaylist(`${live}#EXT-X-ENDLIST\n`).isEnded).toBe(true);
  });
});

describe("toVodPlaylist", () => {
  it("turns a live EVENT playlist into a complete VOD one", () => {
    const vod = toVodPlaylist(live);
    expect(vod).toContain("#EXT-X-PLAYLIST-TYPE:VOD");
    expect(vod).not.toContain("EVENT");
    expect(vod.trimEnd().endsWith("#EXT-X-ENDLIST")).toBe(true);
    expect(parseMediaPlaylist(vod).segments).toHaveLength(2);
  });

  it("does not add a second ENDLIST", () => {
    expect(toVodPlaylist(`${live}#EXT-X-ENDLIST\n`).match(/#EXT-X-ENDLIST/g)).toHaveLength(1);
  });
});
