import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** A sermon the demo church is given on a fresh install: its page's fields and what is said. */
export interface DemoSermon {
  /** Also how a later start knows the sermon is there already. */
  title: string;
  speaker: string;
  /** A series title of the demo church, or none. */
  series?: string;
  /** YYYY-MM-DD. */
  preachedOn: string;
  /** The passage it expounds, as an admin types it ("Matthew 6:25-34"). */
  mainPassage: string;
  description: string;
  /** What the preacher says, paragraph by paragraph: read aloud for the audio, and the manuscript. */
  paragraphs: string[];
}

/** The texts this project wrote for the demo church, in the order they are added. */
const DEMO_SERMONS_DIR = path.join(import.meta.dirname, "sermons");

const REQUIRED = ["title", "speaker", "preachedOn", "mainPassage", "description"] as const;
const KEYS: readonly string[] = [...REQUIRED, "series"];

/**
 * One sermon file: `---`, `key: value` lines, `---`, then the paragraphs separated by blank
 * lines. A malformed file names itself and what is wrong.
 */
export function parseDemoSermon(text: string, fileName: string): DemoSermon {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${fileName}: expected front matter between two "---" lines.`);
  const fields: Record<string, string> = {};
  for (const line of match[1]!.split(/\r?\n/)) {
    const field = /^(\w+):\s*(.*?)\s*$/.exec(line);
    if (!field) throw new Error(`${fileName}: "${line}" is not a "key: value" line.`);
    if (!KEYS.includes(field[1]!)) throw new Error(`${fileName}: unknown key "${field[1]}".`);
    fields[field[1]!] = field[2]!;
  }
  const missing = REQUIRED.filter((key) => !fields[key]);
  if (missing.length) throw new Error(`${fileName}: missing ${missing.join(", ")}.`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(fields.preachedOn!))
    throw new Error(`${fileName}: preachedOn must look like 2026-10-04.`);
  const paragraphs = match[2]!
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  if (!paragraphs.length) throw new Error(`${fileName}: the sermon has no text.`);
  return {
    title: fields.title!,
    speaker: fields.speaker!,
    series: fields.series || undefined,
    preachedOn: fields.preachedOn!,
    mainPassage: fields.mainPassage!,
    description: fields.description!,
    paragraphs,
  };
}

/** Every `*.md` of `dir`, in file-name order. */
export async function loadDemoSermons(dir: string = DEMO_SERMONS_DIR): Promise<DemoSermon[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith(".md")).sort();
  return Promise.all(
    names.map(async (name) => parseDemoSermon(await readFile(path.join(dir, name), "utf8"), name)),
  );
}
