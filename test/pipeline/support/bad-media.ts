// Bad uploads for the bad-input tests, made at test time (no binary fixtures in the repository).
import { readFile } from "node:fs/promises";
import { generateMedia } from "@/test/support/test-media";

const tone = (seconds: number) => [
  "-f",
  "lavfi",
  "-i",
  `sine=frequency=220:sample_rate=44100:duration=${seconds}`,
];

/** A few seconds of real, good audio (for uploads whose only oddity is their name). */
export async function shortRecording(dir: string): Promise<Buffer> {
  return readFile(await generateMedia(dir, "short.mp3", [...tone(4), "-c:a", "libmp3lame"]));
}

/** A real PNG image: what a phone's "share" sometimes sends instead of the recording. */
export async function pngImage(dir: string): Promise<Buffer> {
  return readFile(
    await generateMedia(dir, "slide.png", [
      "-f",
      "lavfi",
      "-i",
      "testsrc=size=64x48",
      "-frames:v",
      "1",
    ]),
  );
}

/** The start of a PDF document (a bulletin), as far as any sniffing reads. */
export function pdfDocument(): Buffer {
  return Buffer.from(
    "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" +
      "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
  );
}

/** An HLS media playlist whose one segment is `target`: ffmpeg's hls demuxer would open it. */
export function hlsPlaylist(target: string): Buffer {
  return Buffer.from(
    `#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:10\n#EXTINF:10.0,\n${target}\n#EXT-X-ENDLIST\n`,
  );
}

/** An ffconcat script listing `target`: ffmpeg's concat demuxer would open it. */
export function ffconcatList(target: string): Buffer {
  return Buffer.from(`ffconcat version 1.0\nfile '${target}'\n`);
}

/**
 * The first half of a one-minute MP3, as an interrupted copy leaves it: a valid start whose
 * Xing header still counts the whole file.
 */
export async function cutOffMp3(dir: string): Promise<Buffer> {
  const whole = await readFile(
    await generateMedia(dir, "whole.mp3", [...tone(60), "-c:a", "libmp3lame", "-b:a", "96k"]),
  );
  return whole.subarray(0, whole.length / 2);
}

/** An MP4 with a picture and no sound track (a screen recording with the microphone off). */
export async function silentFilm(dir: string): Promise<Buffer> {
  return readFile(
    await generateMedia(dir, "silent-film.mp4", [
      "-f",
      "lavfi",
      "-i",
      "testsrc=size=160x120:rate=10:duration=3",
      "-c:v",
      "mpeg4",
    ]),
  );
}

/**
 * A real ten-hour MP3 in well under a second: six minutes of silence (mono, 8 kHz, 8 kbit/s,
 * no Xing or ID3 header) repeated 100 times. MPEG audio is a plain run of frames, so the copies
 * join into one valid stream that decodes for 10 h 0 min 14 s; 36 MB. Encoding ten hours
 * outright would take ~20 s.
 */
export async function tenHourMp3(dir: string): Promise<Buffer> {
  const sixMinutes = await readFile(
    await generateMedia(dir, "six-minutes.mp3", [
      "-f",
      "lavfi",
      "-i",
      "anullsrc=channel_layout=mono:sample_rate=8000",
      "-t",
      "360",
      "-c:a",
      "libmp3lame",
      "-b:a",
      "8k",
      "-write_xing",
      "0",
      "-id3v2_version",
      "0",
    ]),
  );
  return Buffer.concat(Array.from({ length: 100 }, () => sixMinutes));
}
