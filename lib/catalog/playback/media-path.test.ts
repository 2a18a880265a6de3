import { describe, expect, it } from "vitest";
import { mediaCacheControl } from "./media-cache-control";
import { parseMediaPath } from "./media-path";

const parse = (path: string) => parseMediaPath(path.split("/"));

describe("parseMediaPath", () => {
  it("accepts exactly the files listeners need", () => {
    expect(parse("v3/master.m3u8")).toEqual({ version: 3, file: "master.m3u8", kind: "master" });
    expect(parse("v3/aac-64k/index.m3u8")).toEqual({
      version: 3,
      file: "aac-64k/index.m3u8",
      kind: "playlist",
    });
    expect(parse("v3/aac-32k/init.mp4")?.kind).toBe("init");
    expect(parse("v12/aac-32k/seg-00042.m4s")).toEqual({
      version: 12,
      file: "aac-32k/seg-00042.m4s",
      kind: "segment",
    });
    expect(parse("v1/download.m4a")?.kind).toBe("download");
    expect(parse("v1/waveform.json")?.kind).toBe("waveform");
    expect(parse("v1/waveform-sampled.json")?.kind).toBe("waveform");
    expect(parse("v1/silences.json")?.kind).toBe("silence-map");
  });

  it("accepts a re-encode's second generation of a rendition", () => {
    expect(parse("v2/aac-64k-g2/seg-00042.m4s")).toEqual({
      version: 2,
      file: "aac-64k-g2/seg-00042.m4s",
      kind: "segment",
    });
    expect(parse("v2/aac-32k-g2/index.m3u8")?.kind).toBe("playlist");
    expect(parse("v2/aac-32k-g2/init.mp4")?.kind).toBe("init");
  });

  it.each([
    "v1/original/sermon.mp3",
    "v1/aac-64k/silences.json",
    "v1/aac-64k/ffmpeg-live.m3u8",
    "v1/aac-64k/seg-00001.m4s.tmp",
    "v1/../v2/master.m3u8",
    "v1/aac-64k/../../master.m3u8",
    "v1/..%2Fmaster.m3u8",
    "v1/aac-64k/seg-1.m4s",
    "v1/constructor",
    "v1/aac-64k",
    "v1",
    "v0/master.m3u8",
    "1/master.m3u8",
    "v01/master.m3u8",
    "master.m3u8",
    "v1/aac-64k/index.m3u8/extra",
    "v1/sub/aac-64k/index.m3u8",
    "v1/aac-64k-g1/index.m3u8",
    "v1/aac-64k-g3/index.m3u8",
    "v1/aac-64k-g02/index.m3u8",
    "v1/aac-64k-g2-g2/index.m3u8",
    "v1/aac-64k/g2/index.m3u8",
    "v1/aac-64k-g2",
    "v1/waveform-g2.json",
  ])("refuses %s", (path) => {
    expect(parse(path)).toBeUndefined();
  });
});

describe("mediaCacheControl", () => {
  it("never caches a playlist that is still growing, and caches finished media for good", () => {
    const live = "#EXTM3U\n#EXT-X-PLAYLIST-TYPE:EVENT\n#EXTINF:6.0,\nseg-00001.m4s\n";
    expect(mediaCacheControl("playlist", live)).toBe("no-store");
    expect(mediaCacheControl("playlist", `${live}#EXT-X-ENDLIST\n`)).toBe("public, max-age=86400");
    expect(mediaCacheControl("segment")).toContain("immutable");
    expect(mediaCacheControl("download")).toContain("immutable");
  });
});
