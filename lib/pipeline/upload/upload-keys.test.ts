import { describe, expect, it } from "vitest";
import { originalKey } from "./upload-keys";

describe("originalKey", () => {
  it("keeps only a safe stem of the file name, under the sermon's next version", () => {
    expect(originalKey("c1", "s1", 2, "Sunday Morning (Final).MP3")).toBe("churches/c1/sermons/s1/v2/original/sunday-morning-final.mp3");
  });

  it("cannot be steered out of the sermon's folder or disguised", () => {
    expect(originalKey("c1", "s1", 1, "../../etc/passwd.mp3")).toBe("churches/c1/sermons/s1/v1/original/etc-passwd.mp3");
    // Right-to-left override makes "evil\u202Eexe.mp3" display as "evilmp3.exe".
    expect(originalKey("c1", "s1", 1, "evil\u202Eexe.mp3")).toBe("churches/c1/sermons/s1/v1/original/evil-exe.mp3");
    expect(originalKey("c1", "s1", 1, "....mp3")).toBe("churches/c1/sermons/s1/v1/original/untitled.mp3");
  });
});
