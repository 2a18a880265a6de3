import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateMedia } from "@/test/support/test-media";
import { ACCEPT_ATTRIBUTE, DETECTION_BYTES, detectMedia, mediaExtensionOf } from "./accepted-media";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "accepted-media-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The first bytes of a real file, as completion reads them. */
async function headOf(name: string, codec: string[]): Promise<Uint8Array> {
  const path = await generateMedia(dir, name, [
    "-f",
    "lavfi",
    "-i",
    "sine=duration=1:sample_rate=48000",
    ...codec,
  ]);
  return (await readFile(path)).subarray(0, DETECTION_BYTES);
}

const bytes = (...values: (number | string)[]) =>
  Uint8Array.from(
    values.flatMap((value) =>
      typeof value === "string" ? [...value].map((c) => c.charCodeAt(0)) : [value],
    ),
  );
// Enough of a file for detection to see a whole header.
const padded = (head: Uint8Array) => Uint8Array.from([...head, ...new Uint8Array(4096)]);

describe("detectMedia judges the first bytes, not the name", () => {
  it.each([
    ["RIFF WAVE", bytes("RIFF", 0x24, 0, 0, 0, "WAVEfmt "), "wav", "audio/wav"],
    ["fLaC", bytes("fLaC", 0, 0, 0, 0x22), "flac", "audio/flac"],
    ["an M4A brand", bytes(0, 0, 0, 32, "ftypM4A ", 0, 0, 0, 0, "M4A isom"), "m4a", "audio/mp4"],
    [
      "a QuickTime brand",
      bytes(0, 0, 0, 20, "ftypqt  ", 0, 0, 0, 0, "qt  "),
      "mov",
      "video/quicktime",
    ],
    ["an MPEG audio frame", bytes(0xff, 0xfb, 0x90, 0x64), "mp3", "audio/mpeg"],
    ["an ADTS frame", bytes(0xff, 0xf1, 0x50, 0x80, 0x02, 0x1f, 0xfc), "aac", "audio/aac"],
    ["an AMR file", bytes("#!AMR\n", 0x3c), "amr", "audio/amr"],
    ["a FORM AIFF", bytes("FORM", 0, 0, 0, 0x40, "AIFFCOMM"), "aiff", "audio/aiff"],
    // An ID3 tag is an MP3's own header: what follows is the audio check's to judge.
    ["an ID3 tag", bytes("ID3", 4, 0, 0, 0, 0, 0, 0, "not audio"), "mp3", "audio/mpeg"],
  ])("%s, whatever the name", async (_what, head, extension, contentType) => {
    for (const name of ["sermon.bin", "sermon", "sermon.mp3.exe"]) {
      expect(await detectMedia(padded(head), name)).toEqual({
        kind: "media",
        extension,
        contentType,
      });
    }
  });

  it("keeps the name's extension when the content allows it", async () => {
    const ogg = await headOf("talk.opus", ["-c:a", "libopus"]);
    expect(await detectMedia(ogg, "Talk.OPUS")).toMatchObject({ extension: "opus" });
    expect(await detectMedia(ogg, "Talk.oga")).toMatchObject({ extension: "oga" });
    expect(await detectMedia(ogg, "Talk.wav")).toMatchObject({
      extension: "opus",
      contentType: "audio/ogg",
    });
    const m4a = await headOf("talk.m4a", ["-c:a", "aac"]);
    expect(await detectMedia(m4a, "talk.mp4")).toMatchObject({
      extension: "mp4",
      contentType: "video/mp4",
    });
    expect(await detectMedia(m4a, "talk.aac")).toMatchObject({ extension: "m4a" });
  });

  it("refuses what is not media, and names media it does not read", async () => {
    const text = (content: string) => Buffer.from(content);
    for (const head of [
      text("#EXTM3U\n#EXT-X-VERSION:3\n#EXTINF:10.0,\nfile:///etc/passwd\n"),
      text("ffconcat version 1.0\nfile '/etc/passwd'\n"),
      text("v=0\no=- 0 0 IN IP4 127.0.0.1\ns=x\nm=audio 5004 RTP/AVP 0\n"),
      text("%PDF-1.7\n1 0 obj << >> endobj\n"),
      bytes(0x89, "PNG\r\n", 0x1a, "\n", 0, 0, 0, 13, "IHDR"),
      padded(bytes("MZ", 0x90, 0)),
      bytes(0xff),
      new Uint8Array(0),
    ]) {
      expect(await detectMedia(head, "sermon.mp3")).toEqual({ kind: "other" });
    }
    const avi = padded(bytes("RIFF", 0, 0, 0, 0, "AVI LIST"));
    expect(await detectMedia(avi, "clip.avi")).toEqual({
      kind: "unsupported-media",
      format: "AVI",
    });
  });
});

describe("names", () => {
  it("a media extension, or none", () => {
    expect(mediaExtensionOf("Talk.WEBM")).toBe("webm");
    expect(mediaExtensionOf("sermon.mp3.exe")).toBe("");
    expect(mediaExtensionOf("sermon")).toBe("");
  });

  it("the file picker offers any audio or video, and the extensions systems may not type", () => {
    expect(ACCEPT_ATTRIBUTE.split(",")).toEqual(
      expect.arrayContaining(["audio/*", "video/*", ".amr", ".caf", ".wma", ".mka"]),
    );
  });
});
