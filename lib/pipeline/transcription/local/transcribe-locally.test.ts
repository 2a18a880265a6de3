import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateMedia } from "@/test/support/test-media";
import { probeMedia } from "@/lib/pipeline/media/probe-media";
import { LOCAL_MODEL, transcribeLocally } from "./transcribe-locally";

const exec = promisify(execFile);
let dir: string;
let audio: { path: string; durationMs: number; gapMs: number };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "selah-local-asr-test-"));
  // Two spoken passages with two seconds of silence between (~18 s), encoded as processing's M4A.
  const first = join(dir, "first.wav");
  await exec("espeak-ng", [
    "-w",
    first,
    "Grace and peace to you. Today we read from the letter to the Romans, chapter eight.",
  ]);
  const second = join(dir, "second.wav");
  await exec("espeak-ng", [
    "-w",
    second,
    "Let us consider what this means for our daily lives, for our families, and for the church.",
  ]);
  const { durationMs: speechMs } = await probeMedia(first);
  await exec("sox", [first, join(dir, "padded.wav"), "pad", "0", "2"]);
  await exec("sox", [join(dir, "padded.wav"), second, join(dir, "twice.wav")]);
  const path = await generateMedia(dir, "audio.m4a", [
    "-i",
    join(dir, "twice.wav"),
    "-ac",
    "1",
    "-c:a",
    "aac",
    "-b:a",
    "64k",
  ]);
  audio = { path, durationMs: (await probeMedia(path)).durationMs, gapMs: speechMs };
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("transcribeLocally (pocketsphinx)", () => {
  it("hears generated speech in two parallel pieces as words whose times rise and cover the audio", async () => {
    const silence = { startMs: audio.gapMs, endMs: audio.gapMs + 2000 };
    const transcript = await transcribeLocally(
      { ...audio, silences: [silence] },
      { processes: 2, timeoutSeconds: 120 },
    );

    expect(transcript).toMatchObject({ provider: "local", model: LOCAL_MODEL, language: "en-US" });
    const { words } = transcript;
    expect(words.length).toBeGreaterThan(20);
    for (const [i, word] of words.entries()) {
      expect(word.endMs).toBeGreaterThan(word.startMs);
      if (i > 0) expect(word.startMs).toBeGreaterThanOrEqual(words[i - 1]!.endMs);
      expect(word.text).toMatch(/^[a-z']+$/);
    }
    expect(words[0]!.startMs).toBeLessThan(1500);
    expect(words.at(-1)!.endMs).toBeGreaterThan(audio.durationMs - 3000);
    expect(words.at(-1)!.endMs).toBeLessThanOrEqual(audio.durationMs + 100);
    // Both pieces were heard: words on both sides of the cut, none inside the silence.
    const cut = (silence.startMs + silence.endMs) / 2;
    expect(words.filter((w) => w.endMs <= cut).length).toBeGreaterThan(8);
    expect(words.filter((w) => w.startMs >= cut).length).toBeGreaterThan(8);
    expect(transcript.segments.length).toBeGreaterThan(1);
    expect(transcript.segments.map((s) => s.text).join(" ")).toBe(
      words.map((w) => w.text).join(" "),
    );
  });
});
