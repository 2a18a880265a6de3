/** The 66 books in canonical order: OSIS id and the name shown to people. */
export const BOOKS: ReadonlyArray<readonly [osis: string, name: string]> = [
  ["Gen", "Genesis"], ["Exod", "Exodus"], ["Lev", "Leviticus"], ["Num", "Numbers"], ["Deut", "Deuteronomy"],
  ["Josh", "Joshua"], ["Judg", "Judges"], ["Ruth", "Ruth"], ["1Sam", "1 Samuel"], ["2Sam", "2 Samuel"],
  ["1Kgs", "1 Kings"], ["2Kgs", "2 Kings"], ["1Chr", "1 Chronicles"], ["2Chr", "2 Chronicles"], ["Ezra", "Ezra"],
  ["Neh", "Nehemiah"], ["Esth", "Esther"], ["Job", "Job"], ["Ps", "Psalm"], ["Prov", "Proverbs"],
  ["Eccl", "Ecclesiastes"], ["Song", "Song of Songs"], ["Isa", "Isaiah"], ["Jer", "Jeremiah"], ["Lam", "Lamentations"],
  ["Ezek", "Ezekiel"], ["Dan", "Daniel"], ["Hos", "Hosea"], ["Joel", "Joel"], ["Amos", "Amos"],
  ["Obad", "Obadiah"], ["Jonah", "Jonah"], ["Mic", "Micah"], ["Nah", "Nahum"], ["Hab", "Habakkuk"],
  ["Zeph", "Zephaniah"], ["Hag", "Haggai"], ["Zech", "Zechariah"], ["Mal", "Malachi"], ["Matt", "Matthew"],
  ["Mark", "Mark"], ["Luke", "Luke"], ["John", "John"], ["Acts", "Acts"], ["Rom", "Romans"],
  ["1Cor", "1 Corinthians"], ["2Cor", "2 Corinthians"], ["Gal", "Galatians"], ["Eph", "Ephesians"], ["Phil", "Philippians"],
  ["Col", "Colossians"], ["1Thess", "1 Thessalonians"], ["2Thess", "2 Thessalonians"], ["1Tim", "1 Timothy"], ["2Tim", "2 Timothy"],
  ["Titus", "Titus"], ["Phlm", "Philemon"], ["Heb", "Hebrews"], ["Jas", "James"], ["1Pet", "1 Peter"],
  ["2Pet", "2 Peter"], ["1John", "1 John"], ["2John", "2 John"], ["3John", "3 John"], ["Jude", "Jude"],
  ["Rev", "Revelation"],
];

const ordinals = new Map(BOOKS.map(([osis], index) => [osis, index + 1]));
const names = new Map(BOOKS.map(([osis, name]) => [osis, name]));

export const bookOrdinal = (osis: string): number | undefined => ordinals.get(osis);
export const bookName = (osis: string): string => names.get(osis) ?? osis;

/** Orders passages as integers: book * 1,000,000 + chapter * 1,000 + verse. */
export const passageKey = (osis: string, chapter: number, verse: number): number =>
  (bookOrdinal(osis) ?? 0) * 1_000_000 + chapter * 1_000 + verse;
