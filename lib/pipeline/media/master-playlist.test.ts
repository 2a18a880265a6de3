import { expect, it } from "vitest";
import { masterPlaylist } from "./master-playlist";

it("lists variants lowest first with BANDWIDTH, AVERAGE-BANDWIDTH and the AAC-LC codec", () => {
  const text = masterPlaylist([
    { uri: "aac-64k/index.m3u8", bandwidth: 74_636.9, averageBandwidth: 69_076.4 },
    { uri: "aac-32k/index.m3u8", bandwidth: 36_800 },
  ]);
  expect(text.split("\n")).toEqual([
    "#EXTM3U",
    "#EXT-X-VERSION:7",
    "#EXT-X-INDEPENDENT-SEGMENTS",
    '#EXT-X-STREAM-INF:BANDWIDTH=36800,CODECS="mp4a.40.2"',
    "aac-32k/index.m3u8",
    '#EXT-X-STREAM-INF:BANDWIDTH=74637,AVERAGE-BANDWIDTH=69077,CODECS="mp4a.40.2"',
    "aac-64k/index.m3u8",
    "",
  ]);
});
