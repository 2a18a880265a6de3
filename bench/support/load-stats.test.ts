import { describe, expect, it } from "vitest";
import { parseMediaPlaylist, segmentDueMs, variantUris } from "./hls-listener";
import { LatencyBook, loadResult, percentile } from "./load-stats";

describe("percentile", () => {
  it("is the nearest-rank value of sorted latencies", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 0.5)).toBe(50);
    expect(percentile(sorted, 0.95)).toBe(95);
    expect(percentile(sorted, 1)).toBe(100);
    expect(percentile([7], 0.95)).toBe(7);
    expect(percentile([3, 9], 0)).toBe(3);
    expect(percentile([], 0.95)).toBe(0);
  });
});

describe("loadResult", () => {
  it("gives requests and errors per kind and in total, percentiles per kind, and RSS", () => {
    const book = new LatencyBook();
    for (let ms = 1; ms <= 20; ms++) book.record("segment", ms);
    book.record("segment", 500, "503");
    book.record("search", 40);
    book.record("upload", 900, "ECONNRESET");
    const result = loadResult({
      book,
      seconds: 10,
      webRssMb: { before: 300.04, mid: 305, after: 310.26, peak: 320 },
      extra: { listeners: 200 },
    });
    expect(result).toMatchObject({
      listeners: 200,
      requests: { playlist: 0, segment: 21, search: 1, upload: 1, total: 23 },
      errors: { playlist: 0, segment: 1, search: 0, upload: 1, total: 2 },
      p95Ms: { playlist: 0, segment: 20, search: 40, upload: 900 },
      maxMs: { segment: 500 },
      requestsPerS: { segment: 2.1 },
      errorReasons: { "segment 503": 1, "upload ECONNRESET": 1 },
      webRssMb: { before: 300, mid: 305, after: 310.3, peak: 320 },
    });
    // The benchmark's last line: one JSON object that parses back to the same figures.
    const line = JSON.stringify(result);
    expect(line).not.toContain("\n");
    expect(JSON.parse(line)).toEqual(result);
  });
});

describe("a listener's view of the playlists", () => {
  it("reads the renditions of a master playlist and the segments of a rendition", () => {
    const master = [
      "#EXTM3U",
      '#EXT-X-STREAM-INF:BANDWIDTH=35629,CODECS="mp4a.40.2"',
      "aac-32k/index.m3u8",
      '#EXT-X-STREAM-INF:BANDWIDTH=67551,CODECS="mp4a.40.2"',
      "aac-64k/index.m3u8",
    ].join("\n");
    expect(variantUris(master)).toEqual(["aac-32k/index.m3u8", "aac-64k/index.m3u8"]);
    const playlist = [
      "#EXTM3U",
      "#EXT-X-TARGETDURATION:6",
      '#EXT-X-MAP:URI="init.mp4"',
      "#EXTINF:6.000000,",
      "seg-00000.m4s",
      "#EXTINF:2.5,",
      "seg-00001.m4s",
      "#EXT-X-ENDLIST",
    ].join("\n");
    expect(parseMediaPlaylist(playlist)).toEqual({
      init: "init.mp4",
      segments: [
        { uri: "seg-00000.m4s", seconds: 6 },
        { uri: "seg-00001.m4s", seconds: 2.5 },
      ],
    });
  });

  it("asks at once while the 30 s buffer has room, then as the audio plays", () => {
    expect(segmentDueMs(0)).toBe(0);
    expect(segmentDueMs(30)).toBe(0);
    expect(segmentDueMs(36)).toBe(6_000);
    expect(segmentDueMs(36, 2)).toBe(3_000);
  });
});
