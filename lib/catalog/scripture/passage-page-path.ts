import { bookName } from "./books";

/** A book's slug in verse page URLs: its display name, lowercased, e.g. "1-corinthians". */
export const bookSlug = (osis: string): string =>
  bookName(osis)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-");

/** The verse page of a chapter, or of one verse in it: `/bible/john/3` or `/bible/john/3/16`. */
export const versePagePath = (osis: string, chapter: number, verse?: number): string =>
  `/bible/${bookSlug(osis)}/${chapter}${verse ? `/${verse}` : ""}`;

/**
 * Where a stored passage (a ScriptureRef's range) is listed: a single verse's page, otherwise
 * the page of the chapter it starts in (a range's page would show only its first verse).
 */
export function passagePagePath(ref: {
  book: string;
  startChapter: number;
  startVerse: number | null;
  endChapter: number;
  endVerse: number | null;
}): string {
  const oneVerse =
    ref.startVerse && ref.startChapter === ref.endChapter && ref.startVerse === ref.endVerse;
  return versePagePath(ref.book, ref.startChapter, oneVerse ? (ref.startVerse ?? 0) : undefined);
}

/** A verse page's own path, from the passage it shows (its canonical book slug). */
export const pagePassagePath = (passage: {
  book: string;
  chapter: number;
  verse: number | null;
}): string => versePagePath(passage.book, passage.chapter, passage.verse ?? undefined);
