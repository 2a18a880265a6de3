import { bcv_parser } from "bible-passage-reference-parser/esm/bcv_parser.js";
import * as english from "bible-passage-reference-parser/esm/lang/en.js";
import { bookName, bookOrdinal, passageKey } from "./books";

export type Passage = {
  book: string;
  startChapter: number;
  startVerse: number;
  endChapter: number;
  endVerse: number;
  startKey: number;
  endKey: number;
  /** Normalised for display, e.g. "John 3:16–21" or "Romans 8". */
  text: string;
};

export type ParsedPassages = { passages: Passage[]; unrecognised: string[] };

// Verse-level OSIS ("Rom.8.1-Rom.8.39") gives exact ranges; chapter-level ("Rom.8") tells
// whether a whole chapter was meant, which is how people want it shown back.
const verses = new bcv_parser(english);
verses.set_options({
  osis_compaction_strategy: "bcv",
  consecutive_combination_strategy: "separate",
});
const chapters = new bcv_parser(english);
chapters.set_options({
  osis_compaction_strategy: "bc",
  consecutive_combination_strategy: "separate",
});

/**
 * Parses references typed by a person ("John 3:16-21; Rom 8"). Each `;`-separated piece
 * either becomes passages or is returned as unrecognised, never silently dropped.
 */
export function parsePassages(input: string): ParsedPassages {
  const passages: Passage[] = [];
  const unrecognised: string[] = [];
  for (const piece of input
    .split(/[;\n]/)
    .map((part) => part.trim())
    .filter(Boolean)) {
    const exact: string = verses.parse(piece).osis();
    if (!exact) {
      unrecognised.push(piece);
      continue;
    }
    const shown: string[] = chapters.parse(piece).osis().split(",");
    exact.split(",").forEach((range, index) => {
      const passage = toPassage(range, shown[index] ?? range);
      if (passage) passages.push(passage);
      else unrecognised.push(piece);
    });
  }
  return { passages, unrecognised };
}

function toPassage(range: string, display: string): Passage | null {
  const [from, to = from] = range.split("-");
  const start = splitOsis(from);
  const end = splitOsis(to);
  if (!start || !end || bookOrdinal(start.book) === undefined) return null;
  return {
    book: start.book,
    startChapter: start.chapter,
    startVerse: start.verse,
    endChapter: end.chapter,
    endVerse: end.verse,
    startKey: passageKey(start.book, start.chapter, start.verse),
    endKey: passageKey(end.book, end.chapter, end.verse),
    text: formatOsis(display),
  };
}

function splitOsis(osis: string | undefined) {
  const [book, chapter, verse] = (osis ?? "").split(".");
  if (!book || !chapter) return null;
  return { book, chapter: Number(chapter), verse: Number(verse ?? 0) };
}

/** "John.3.16-John.3.21" → "John 3:16–21"; "Rom.8" → "Romans 8"; "Gen.1-Gen.3" → "Genesis 1–3". */
export function formatOsis(range: string): string {
  const [from = "", to] = range.split("-");
  const [book = "", chapter, verse] = from.split(".");
  const head = `${bookName(book)} ${chapter}${verse ? `:${verse}` : ""}`;
  if (!to) return head;
  const [endBook = "", endChapter, endVerse] = to.split(".");
  if (endBook !== book) return `${head}–${formatOsis(to)}`;
  if (!verse) return `${head}–${endChapter}`;
  return endChapter === chapter ? `${head}–${endVerse}` : `${head}–${endChapter}:${endVerse}`;
}
