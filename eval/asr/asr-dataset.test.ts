import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { InvalidAsrDatasetError, loadAsrDataset } from "./asr-dataset";

let dir: string;
afterEach(() => rm(dir, { recursive: true, force: true }));

async function dataset(files: Record<string, string>) {
  dir = await mkdtemp(path.join(tmpdir(), "selah-asr-dataset-"));
  for (const [name, content] of Object.entries(files))
    await writeFile(path.join(dir, name), content);
  return dir;
}

const timings = (paragraphs: unknown) => JSON.stringify({ title: "Grace", paragraphs });

describe("loadAsrDataset", () => {
  it("pairs each recording with its timings, in name order", async () => {
    const recordings = await loadAsrDataset(
      await dataset({
        "b.mp3": "",
        "b.timings.json": timings([{ startMs: 0, endMs: 900, text: "Second." }]),
        "a.wav": "",
        "a.timings.json": timings([{ startMs: 500, endMs: 2000, text: "First words." }]),
        "notes.txt": "ignored",
      }),
    );
    expect(recordings.map((r) => r.name)).toEqual(["a", "b"]);
    expect(recordings[0]!.timings.paragraphs[0]!.text).toBe("First words.");
    expect(recordings[0]!.timings.title).toBe("Grace");
  });

  it("names the file and the field of a mistake", async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ "a.wav": "" }, /a\.wav has no a\.timings\.json/],
      [{ "a.wav": "", "a.timings.json": "{" }, /a\.timings\.json is not JSON/],
      [{ "a.wav": "", "a.timings.json": timings([]) }, /paragraphs: at least one paragraph/],
      [
        { "a.wav": "", "a.timings.json": timings([{ startMs: 9, endMs: 1, text: "x" }]) },
        /paragraphs\.0: endMs is before startMs/,
      ],
      [
        { "a.wav": "", "a.timings.json": timings([{ startMs: 0, endMs: 1, text: " " }]) },
        /paragraphs\.0\.text: a paragraph needs its text/,
      ],
      [{ "readme.md": "" }, /no NAME\.wav or NAME\.mp3/],
    ];
    for (const [files, message] of cases) {
      const error = await loadAsrDataset(await dataset(files)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidAsrDatasetError);
      expect((error as Error).message).toMatch(message);
      await rm(dir, { recursive: true, force: true });
    }
    await expect(loadAsrDataset("/nonexistent/asr")).rejects.toThrow(/no such folder/);
  });
});
