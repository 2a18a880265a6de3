import { BOOKS } from "../books";
import { osisToPlainText } from "./osis-to-plain-text";

/** One verse of a translation: OSIS book id, chapter, verse and the plain text. */
export type BibleVerse = readonly [book: string, chapter: number, verse: number, text: string];

/** SWORD's English book names where they differ from the ones Selah shows. */
const SWORD_NAMES: Record<string, string> = {
  Psalms: "Ps",
  "Song of Solomon": "Song",
  "Revelation of John": "Rev",
};
const ROMAN = /^(I{1,3}) /;
const osisByName = new Map(BOOKS.map(([osis, name]) => [name, osis]));

function bookOsis(swordName: string): string | undefined {
  const named = SWORD_NAMES[swordName];
  if (named) return named;
  const arabic = swordName.replace(ROMAN, (_, numeral: string) => `${numeral.length} `);
  return osisByName.get(arabic);
}

const HEADER = /^\$\$\$(.+) (\d+):(\d+)$/;

/**
 * Verses from `mod2imp <module>` output (`$$$Book C:V` lines, each followed by the verse's
 * OSIS). Introductions (verse 0) and books outside the 66 (the WEB's deuterocanon) are left
 * out: spoken references name only the 66.
 */
export function parseSwordExport(text: string): BibleVerse[] {
  const verses: BibleVerse[] = [];
  let current: { book: string; chapter: number; verse: number; body: string[] } | undefined;
  const flush = () => {
    if (!current) return;
    const plain = osisToPlainText(current.body.join("\n"));
    if (plain) verses.push([current.book, current.chapter, current.verse, plain]);
    current = undefined;
  };
  for (const line of text.split("\n")) {
    if (line.startsWith("$$$")) {
      flush();
      const header = HEADER.exec(line);
      const book = header ? bookOsis(header[1] ?? "") : undefined;
      if (header && book && Number(header[3]) > 0) {
        current = { book, chapter: Number(header[2]), verse: Number(header[3]), body: [] };
      }
    } else if (current) {
      current.body.push(line);
    }
  }
  flush();
  return verses;
}
