import { describe, expect, it } from "vitest";
import { acceptedContentType, hasExpectedSignature, sniffContainer } from "./accepted-media";

const bytes = (...values: (number | string)[]) =>
  Uint8Array.from(values.flatMap((value) => (typeof value === "string" ? [...value].map((c) => c.charCodeAt(0)) : [value])));

describe("accepted media", () => {
  it("knows containers by their first bytes", () => {
    expect(sniffContainer(bytes("RIFF", 0, 0, 0, 0, "WAVE"))).toBe("wav");
    expect(sniffContainer(bytes("fLaC"))).toBe("flac");
    expect(sniffContainer(bytes("OggS"))).toBe("ogg");
    expect(sniffContainer(bytes(0, 0, 0, 32, "ftypM4A "))).toBe("mp4");
    expect(sniffContainer(bytes("ID3", 4, 0))).toBe("mp3");
    expect(sniffContainer(bytes(0xff, 0xfb, 0x90))).toBe("mp3");
    expect(sniffContainer(bytes(0xff, 0xf1, 0x50))).toBe("adts");
    expect(sniffContainer(bytes("%PDF-1.7"))).toBeNull();
  });

  it("checks the extension against the content", () => {
    expect(hasExpectedSignature("a.m4a", bytes(0, 0, 0, 32, "ftypM4A "))).toBe(true);
    expect(hasExpectedSignature("a.mov", bytes(0, 0, 0, 20, "ftypqt  "))).toBe(true);
    expect(hasExpectedSignature("a.mp3", bytes("OggS"))).toBe(false);
    expect(acceptedContentType("Talk.OPUS")).toBe("audio/ogg");
    expect(acceptedContentType("talk.exe")).toBeNull();
  });
});
