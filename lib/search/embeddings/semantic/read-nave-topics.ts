import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export type NaveTopics = {
  /** lower-case word of a topic's name (or of a name that points at it with "See") → topic names */
  words: Map<string, Set<string>>;
  /** topic name → Bible chapters its references cite ("Matt.6"), most cited first */
  chapters: Map<string, string[]>;
};

// A topic citing more chapters than this is a survey ("GOD", "JESUS"), not a theme.
const MAX_CHAPTERS = 400;

/**
 * Nave's Topical Bible (public domain), read from the SWORD module Debian's sword-dict-naves
 * ships, through mod2imp (libsword-utils). Each topic gathers the verses on one theme, so a
 * word naming a topic ("anxiety" → CARE) and the chapters it cites stand for that theme.
 */
export async function readNaveTopics(): Promise<NaveTopics> {
  const { stdout } = await run("mod2imp", ["Nave"], { maxBuffer: 64 * 1024 * 1024 });
  const words = new Map<string, Set<string>>();
  const chapters = new Map<string, string[]>();
  const seeAlso = new Map<string, string[]>();
  const lines = stdout.split("\n");
  for (let i = 0; i + 1 < lines.length; i++) {
    const head = /^\$\$\$(.+)$/.exec(lines[i]!);
    if (!head) continue;
    const topic = head[1]!.trim().toUpperCase();
    const body = lines[i + 1]!;
    const counts = new Map<string, number>();
    for (const match of body.matchAll(/osisRef="([1-3]?[A-Za-z]+)\.(\d+)/g)) {
      const chapter = `${match[1]}.${match[2]}`;
      counts.set(chapter, (counts.get(chapter) ?? 0) + 1);
    }
    const cited = [...counts].sort((a, b) => b[1] - a[1]).map(([chapter]) => chapter);
    if (cited.length <= MAX_CHAPTERS) chapters.set(topic, cited);
    // "ANXIETY: See CARE" makes anxiety a word for the CARE topic; only whole-entry redirects
    // count, not the "see also" at the end of a long entry.
    const targets = [...body.matchAll(/target="Nave:([^"]+)"/g)].map((m) => m[1]!.toUpperCase());
    const isRedirect = cited.length === 0 && targets.length > 0;
    seeAlso.set(topic, isRedirect ? targets : []);
  }
  // Only one-word names: the words of "FEAR OF GOD" would tie "god" to every such topic.
  const addWords = (name: string, topic: string) => {
    const word = name.toLowerCase();
    if (!/^[a-z]{3,}$/.test(word)) return;
    const set = words.get(word) ?? new Set<string>();
    set.add(topic);
    words.set(word, set);
  };
  for (const [topic, targets] of seeAlso) {
    if (chapters.has(topic)) addWords(topic, topic);
    for (const target of targets) if (chapters.has(target)) addWords(topic, target);
  }
  return { words, chapters };
}
