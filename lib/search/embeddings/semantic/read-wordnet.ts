import { readFile } from "node:fs/promises";
import path from "node:path";

export const WORDNET_DIR = "/usr/share/wordnet";

const POS_FILES = { n: "noun", v: "verb", a: "adj", r: "adv" } as const;
type Pos = keyof typeof POS_FILES;

// How far a sense spreads. Senses come most-frequent first in WordNet's index; rarer senses
// of a word mostly add noise ("worry" the verb also means a dog shaking its prey).
const SENSE_WEIGHTS = [1, 0.6, 0.4];
// Pointers worth following, and how much of the sense's weight the related concept gets:
// hypernyms make "grudge" meet "resentment", derivations make "anxious" meet "anxiety".
const POINTER_WEIGHTS: Record<string, number> = {
  "@": 0.5, // hypernym
  "@i": 0.5, // instance hypernym
  "+": 0.7, // derivationally related form
  "&": 0.6, // similar to (adjective clusters)
  "\\": 0.7, // pertainym / derived from adjective
  "=": 0.5, // attribute
  $: 0.5, // verb group
  "^": 0.4, // also see
};
// A hypernym with this many direct hyponyms ("person", "act") says almost nothing.
const MAX_HYPONYMS = 40;

type Synset = {
  words: string[];
  pointers: Array<{ symbol: string; target: string; source: number }>;
  hyponyms: number;
};

export type WordnetConcepts = {
  /** lemma → [concept id, weight] */
  lemmas: Map<string, Map<string, number>>;
  /** inflected form → base forms (WordNet's exception lists: "children" → "child") */
  exceptions: Map<string, string[]>;
};

/** WordNet 3.0's single-word lemmas, each mapped to the synsets (concepts) it belongs to or points at. */
export async function readWordnet(dir = WORDNET_DIR): Promise<WordnetConcepts> {
  const synsets = new Map<string, Synset>();
  for (const pos of Object.keys(POS_FILES) as Pos[]) {
    const text = await readFile(path.join(dir, `data.${POS_FILES[pos]}`), "latin1");
    for (const line of text.split("\n")) {
      if (!line || line.startsWith(" ")) continue;
      const fields = line.split(" | ")[0]!.split(" ");
      const offset = fields[0]!;
      const wordCount = parseInt(fields[3]!, 16);
      const words: string[] = [];
      for (let i = 0; i < wordCount; i++)
        words.push(fields[4 + i * 2]!.toLowerCase().replace(/\(.*\)$/, ""));
      let at = 4 + wordCount * 2;
      const pointerCount = Number(fields[at++]);
      const pointers: Synset["pointers"] = [];
      let hyponyms = 0;
      for (let i = 0; i < pointerCount; i++, at += 4) {
        const symbol = fields[at]!;
        const targetPos = fields[at + 2] === "s" ? "a" : fields[at + 2]!;
        if (symbol === "~" || symbol === "~i") hyponyms++;
        if (!(symbol in POINTER_WEIGHTS)) continue;
        pointers.push({
          symbol,
          target: `${targetPos}${fields[at + 1]}`,
          source: parseInt(fields[at + 3]!.slice(0, 2), 16),
        });
      }
      synsets.set(`${pos}${offset}`, { words, pointers, hyponyms });
    }
  }

  const lemmas = new Map<string, Map<string, number>>();
  for (const pos of Object.keys(POS_FILES) as Pos[]) {
    const text = await readFile(path.join(dir, `index.${POS_FILES[pos]}`), "latin1");
    for (const line of text.split("\n")) {
      if (!line || line.startsWith(" ")) continue;
      const fields = line.trim().split(" ");
      const lemma = fields[0]!;
      if (lemma.includes("_") || !/^[a-z]+$/.test(lemma)) continue;
      const senseCount = Number(fields[2]);
      const offsets = fields.slice(fields.length - senseCount);
      const concepts = lemmas.get(lemma) ?? new Map<string, number>();
      const add = (id: string, weight: number) =>
        concepts.set(id, Math.max(concepts.get(id) ?? 0, weight));
      offsets.slice(0, SENSE_WEIGHTS.length).forEach((offset, rank) => {
        const id = `${pos}${offset}`;
        const synset = synsets.get(id);
        if (!synset) return;
        const weight = SENSE_WEIGHTS[rank]!;
        add(id, weight);
        const wordIndex = synset.words.indexOf(lemma) + 1;
        for (const pointer of synset.pointers) {
          // Lexical pointers (source ≠ 0) belong to one word of the synset: keep only this one's.
          if (pointer.source !== 0 && pointer.source !== wordIndex) continue;
          const target = synsets.get(pointer.target);
          if (!target) continue;
          if (pointer.symbol.startsWith("@") && target.hyponyms > MAX_HYPONYMS) continue;
          add(pointer.target, weight * POINTER_WEIGHTS[pointer.symbol]!);
        }
      });
      lemmas.set(lemma, concepts);
    }
  }

  const exceptions = new Map<string, string[]>();
  for (const pos of Object.keys(POS_FILES) as Pos[]) {
    const text = await readFile(path.join(dir, `${POS_FILES[pos]}.exc`), "latin1");
    for (const line of text.split("\n")) {
      const [form, ...bases] = line.trim().split(" ");
      if (!form || bases.length === 0 || !/^[a-z]+$/.test(form)) continue;
      exceptions.set(form, [...new Set([...(exceptions.get(form) ?? []), ...bases])]);
    }
  }
  return { lemmas, exceptions };
}
