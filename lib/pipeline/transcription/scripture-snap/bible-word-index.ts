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
  /** Word positions grouped by trigram hash: bucket h holds trigramPositions[trigramStart[h]..trigramStart[h+1]). */
  trigramStart: Int32Array;
  trigramPositions: Int32Array;
  /** Verse index by passage key ("book chapter verse" as text). */
  verseByRef: Map<string, number>;
}

/** A trigram found in more places than this is too common to point at one passage. */
export const MAX_POSTINGS = 12;
const BUCKETS = 2 ** 21;

/** The hash bucket of three word ids; lookups compare the words, so collisions only cost time. */
export const trigramBucket = (a: number, b: number, c: number) =>
  (Math.imul(a, 73856093) ^ Math.imul(b, 19349663) ^ Math.imul(c, 83492791)) & (BUCKETS - 1);

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
  const words = Int32Array.from(ids);
  // Postings as one array grouped by bucket (counting sort): two typed arrays instead of a Map
  // of hundreds of thousands of small arrays, several times faster to build.
  const trigramStart = new Int32Array(BUCKETS + 1);
  const last = words.length - 2;
  const bucketOf = new Int32Array(Math.max(0, last));
  for (let i = 0; i < last; i++) {
    bucketOf[i] = trigramBucket(words[i]!, words[i + 1]!, words[i + 2]!);
    trigramStart[bucketOf[i]! + 1]!++;
  }
  for (let h = 0; h < BUCKETS; h++) trigramStart[h + 1]! += trigramStart[h]!;
  const filled = trigramStart.slice(0, BUCKETS);
  const trigramPositions = new Int32Array(Math.max(0, last));
  for (let i = 0; i < last; i++) trigramPositions[filled[bucketOf[i]!]!++] = i;
  const index: BibleWordIndex = {
    verses,
    vocabulary,
    words,
    verseOfWord: Int32Array.from(verseOf),
    verseStart,
    trigramStart,
    trigramPositions,
    verseByRef,
  };
  built.set(verses, index);
  return index;
}

/** Where in the Bible the trigram a b c occurs, or nothing when it is too common (or absent). */
export function trigramPositions(index: BibleWordIndex, a: number, b: number, c: number): number[] {
  const h = trigramBucket(a, b, c);
  const found: number[] = [];
  const { words, trigramStart } = index;
  for (let k = trigramStart[h]!; k < trigramStart[h + 1]!; k++) {
    const p = index.trigramPositions[k]!;
    if (words[p] === a && words[p + 1] === b && words[p + 2] === c) {
      if (found.length === MAX_POSTINGS) return [];
      found.push(p);
    }
  }
  return found;
}
