import { describe, expect, it } from "vitest";
import { originalKey, originalKeyWithExtension } from "./upload-keys";

describe("originalKey", () => {
  it("keeps only a safe stem of the file name, under the sermon's next version", () => {
    expect(originalKey("c1", "s1", 2, "Sunday Morning (Final).MP3", "mp3")).toBe(
      "churches/c1/sermons/s1/v2/original/sunday-morning-final.mp3",
    );
  });

  it("cannot be steered out of the sermon's folder or disguised", () => {
    expect(originalKey("c1", "s1", 1, "../../etc/passwd.mp3", "mp3")).toBe(
      "churches/c1/sermons/s1/v1/original/etc-passwd.mp3",
    );
    // Right-to-left override makes "evil\u202Eexe.mp3" display as "evilmp3.exe".
    expect(originalKey("c1", "s1", 1, "evil\u202Eexe.mp3", "mp3")).toBe(
      "churches/c1/sermons/s1/v1/original/evil-exe.mp3",
    );
    expect(originalKey("c1", "s1", 1, "....mp3", "mp3")).toBe(
      "churches/c1/sermons/s1/v1/original/untitled.mp3",
    );
  });

  it("takes its extension from detection, not the name: none until the content is known", () => {
    expect(originalKey("c1", "s1", 1, "sermon.mp3.exe", "")).toBe(
      "churches/c1/sermons/s1/v1/original/sermon-mp3",
    );
    expect(originalKey("c1", "s1", 1, "sermon", "")).toBe(
      "churches/c1/sermons/s1/v1/original/sermon",
    );
  });
});

describe("originalKeyWithExtension", () => {
  it("replaces the provisional extension, or adds one", () => {
    expect(originalKeyWithExtension("v1/original/talk.wav", "wav", "mp3")).toBe(
      "v1/original/talk.mp3",
    );
    expect(originalKeyWithExtension("v1/original/talk.wav", "wav", "wav")).toBe(
      "v1/original/talk.wav",
    );
    expect(originalKeyWithExtension("v1/original/sermon-mp3", "", "mp3")).toBe(
      "v1/original/sermon-mp3.mp3",
    );
  });
});
