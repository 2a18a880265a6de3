import type { BibleVerse } from "@/lib/catalog/scripture/bible-text/parse-sword-export";
import { tokeniseVerse } from "./tokenise-verse";

/**
 * A translation as one run of word ids, with where each verse starts and a word-trigram
 * index: the trigrams of a recognised passage point at where in the Bible it was read from.
 */
export interface BibleWordIndex {
  verses: readonly BibleVerse[];
  vocabulary: Map<string, number>;
  words: Int32Array;
  verseOfWord: Int32Array;
  /** First word of each verse; one more entry than verses, so a verse ends where the next starts. */
  verseStart: Int32Array;
  /** Trigram → word positions; a trigram found in more places than this is too common to point anywhere. */
  trigrams: Map<number, number[]>;
  /** Verse index by passage key ("book chapter verse" as text). */
  verseByRef: Map<string, number>;
}

export const MAX_POSTINGS = 12;
const ID_BITS = 2 ** 17;

/** The key of three word ids; vocabularies stay far below 2^17 words. */
export const trigramKey = (a: number, b: number, c: number) => (a * ID_BITS + b) * ID_BITS + c;
export const verseRef = (book: string, chapter: number, verse: number) =>
  `${book} ${chapter}:${verse}`;

const built = new WeakMap<readonly BibleVerse[], BibleWordIndex>();

/** Builds (once per loaded translation) the index over every verse. */
export function bibleWordIndex(verses: readonly BibleVerse[]): BibleWordIndex {
  const cached = built.get(verses);
  if (cached) return cached;
  const vocabulary = new Map<string, number>();
  const ids: number[] = [];
  const verseOf: number[] = [];
  const verseStart = new Int32Array(verses.length + 1);
  const verseByRef = new Map<string, number>();
  verses.forEach(([book, chapter, verse, text], index) => {
    verseStart[index] = ids.length;
    verseByRef.set(verseRef(book, chapter, verse), index);
    for (const word of tokeniseVerse(text).normal) {
      let id = vocabulary.get(word);
      if (id === undefined) {
        id = vocabulary.size;
        vocabulary.set(word, id);
      }
      ids.push(id);
      verseOf.push(index);
    }
  });
  verseStart[verses.length] = ids.length;
  if (vocabulary.size >= ID_BITS) throw new Error("The Bible's vocabulary is too large to index");
  const words = Int32Array.from(ids);
  const trigrams = new Map<number, number[]>();
  for (let i = 0; i + 2 < words.length; i++) {
    const key = trigramKey(words[i]!, words[i + 1]!, words[i + 2]!);
    const postings = trigrams.get(key);
    if (!postings) trigrams.set(key, [i]);
    else if (postings.length <= MAX_POSTINGS) postings.push(i);
  }
  const index: BibleWordIndex = {
    verses,
    vocabulary,
    words,
    verseOfWord: Int32Array.from(verseOf),
    verseStart,
    trigrams,
    verseByRef,
  };
  built.set(verses, index);
  return index;
}
