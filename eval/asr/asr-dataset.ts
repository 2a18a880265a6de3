// The dataset `npm run eval:asr` reads: a folder of recordings, NAME.wav or NAME.mp3, each with
// NAME.timings.json — `{ "title"?, "mainPassage"?, "paragraphs": [{ "startMs", "endMs", "text" }] }`,
// the reference being the paragraphs' text in order. Checked whole before any work starts, so
// a mistake is one line naming the file and the field, never a stack trace halfway through.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

export class InvalidAsrDatasetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidAsrDatasetError";
  }
}

const timingsSchema = z.object({
  title: z.string().optional(),
  mainPassage: z.string().optional(),
  paragraphs: z
    .array(
      z
        .object({
          startMs: z.number().nonnegative(),
          endMs: z.number().nonnegative(),
          text: z.string().trim().min(1, "a paragraph needs its text"),
        })
        .refine((p) => p.endMs >= p.startMs, "endMs is before startMs"),
    )
    .min(1, "at least one paragraph"),
});

export type AsrTimings = z.infer<typeof timingsSchema>;

export interface AsrRecording {
  name: string;
  audioPath: string;
  timings: AsrTimings;
}

const AUDIO = /^(.+)\.(wav|mp3)$/i;

export async function loadAsrDataset(dir: string): Promise<AsrRecording[]> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    throw new InvalidAsrDatasetError(`${dir}: no such folder`);
  }
  const recordings: AsrRecording[] = [];
  for (const entry of entries.sort()) {
    const name = AUDIO.exec(entry)?.[1];
    if (!name) continue;
    const timingsPath = path.join(dir, `${name}.timings.json`);
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(timingsPath, "utf8"));
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
      throw new InvalidAsrDatasetError(
        missing
          ? `${entry} has no ${name}.timings.json beside it`
          : `${name}.timings.json is not JSON: ${(error as Error).message}`,
      );
    }
    const parsed = timingsSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new InvalidAsrDatasetError(
        `${name}.timings.json: ${issue.path.join(".") || "(top level)"}: ${issue.message}`,
      );
    }
    recordings.push({ name, audioPath: path.join(dir, entry), timings: parsed.data });
  }
  if (recordings.length === 0)
    throw new InvalidAsrDatasetError(`${dir}: no NAME.wav or NAME.mp3 recordings in it`);
  return recordings;
}
