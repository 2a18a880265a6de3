import { describe, expect, it } from "vitest";
import {
  renditionFolderName,
  sermonOutputKey,
  sermonVersionPrefix,
  versionOfKey,
} from "./sermon-version";

const version = { churchId: "c1", sermonId: "s1", mediaVersion: 4 };

describe("sermon media keys", () => {
  it("puts every output of a version beside its original, deterministically", () => {
    expect(sermonVersionPrefix(version)).toBe("churches/c1/sermons/s1/v4");
    expect(sermonOutputKey(version, "aac-64k/seg-00001.m4s")).toBe(
      "churches/c1/sermons/s1/v4/aac-64k/seg-00001.m4s",
    );
  });

  it("reads the version back only from this sermon's own keys", () => {
    const owner = { churchId: "c1", sermonId: "s1" };
    expect(versionOfKey("churches/c1/sermons/s1/v4/master.m3u8", owner)).toBe(4);
    expect(versionOfKey("churches/c1/sermons/s10/v4/master.m3u8", owner)).toBeUndefined();
    expect(versionOfKey("churches/c2/sermons/s1/v4/master.m3u8", owner)).toBeUndefined();
    expect(versionOfKey("churches/c1/sermons/s1/vx/master.m3u8", owner)).toBeUndefined();
  });

  it("names a re-encode's rendition folders apart from the first encode's", () => {
    expect(renditionFolderName("aac-64k", 1)).toBe("aac-64k");
    expect(renditionFolderName("aac-64k", 2)).toBe("aac-64k-g2");
    for (const generation of [0, 3, 1.5]) {
      expect(() => renditionFolderName("aac-64k", generation)).toThrow(RangeError);
    }
  });
});
