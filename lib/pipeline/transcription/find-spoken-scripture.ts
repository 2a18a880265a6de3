import { bcv_parser } from "bible-passage-reference-parser/esm/bcv_parser.js";
import * as english from "bible-passage-reference-parser/esm/lang/en.js";
import { passageKey } from "@/lib/catalog/scripture/books";
import { formatOsis, type Passage } from "@/lib/catalog/scripture/parse-passages";
import { spellOutNumbers } from "./spell-out-numbers";
import type { TranscriptSegmentDraft } from "@/lib/catalog/transcripts/transcript";

export interface SpokenPassage extends Passage {
  /** The start of the sentence it was said in (ms): a listener wants to hear it in context. */
  atMs: number;
}

const parser = new bcv_parser(english);
parser.set_options({
  osis_compaction_strategy: "bcv",
  consecutive_combination_strategy: "separate",
});

/** Book names that are also everyday words or first names: "Mark 4 times", "the acts 2 of kindness". */
const AMBIGUOUS_BOOKS = new Set([
  "Mark",
  "John",
  "Job",
  "Acts",
  "Jas",
  "Jude",
  "Num",
  "Ruth",
  "Amos",
  "Titus",
  "Joel",
  "Song",
  "Lam",
  "Mal",
  "Dan",
  "Hos",
  "Jonah",
  "Mic",
  "Nah",
  "Luke",
  "Matt",
  "Rev",
  "Josh",
  "Esth",
  "Hab",
  "Hag",
  "Zech",
  "Obad",
]);
const VERSE_MARK = /\d\s*:\s*\d|\bverses?\b/i;
const CHAPTER_WORD = /\bchapter\b/i;
/** What a preacher says right before a reference: "turn to", "open your Bibles at", "read from", "the book of". */
const CUE_BEFORE =
  /\b(?:turn(?:ing)?|open(?:ing)?|read(?:ing)?|look(?:ing)?|find|go(?:ing)?|back)\b[\w\s,]{0,30}?\b(?:to|at|in|from)\s*$|\bbook of\s*$|\b(?:passage|text|reading)\s+(?:is|was|in|from)\s*$/i;
const MAX_MENTIONS = 500;

interface Entity {
  osis: string;
  type: string;
  indices: [number, number];
  start: { b: string; c: number; v?: number };
  end: { b: string; c: number; v?: number };
}

/**
 * Scripture references spoken in a transcript, with the moment each was said. The parser
 * alone finds passages in ordinary prose ("I gave 2 to Mark 4 times"), so a chapter-only
 * reference counts only when it is unmistakable: a verse is named ("John 3:16", "John
 * chapter 3 verse 16"), the word "chapter" is used, a cue precedes it ("turn to Mark 4"),
 * or the book's name is not an everyday word ("Romans 8", "Psalm 23").
 */
export function findSpokenScripture(segments: readonly TranscriptSegmentDraft[]): SpokenPassage[] {
  const found: SpokenPassage[] = [];
  const seen = new Set<string>();
  for (const segment of segments) {
    const text = spellOutNumbers(segment.text);
    // Every reference names a chapter or verse; the parser is slow, and most sentences have no number.
    if (!/\d/.test(text)) continue;
    for (const entity of parser.parse(text).parsed_entities() as {
      indices: [number, number];
      entities: Entity[];
    }[]) {
      const whole = text.slice(entity.indices[0], entity.indices[1]);
      const before = text.slice(Math.max(0, entity.indices[0] - 60), entity.indices[0]);
      const hasVerse = VERSE_MARK.test(whole);
      for (const part of entity.entities) {
        const isChapterOnly =
          part.type === "bc" || (part.type === "range" && part.start.v === undefined) || !hasVerse;
        const partText = text.slice(part.indices[0], part.indices[1]);
        const isClear =
          !isChapterOnly ||
          CHAPTER_WORD.test(partText) ||
          CUE_BEFORE.test(before) ||
          !AMBIGUOUS_BOOKS.has(part.start.b);
        if (!isClear) continue;
        for (const range of part.osis.split(",")) {
          const passage = toPassage(range, isChapterOnly);
          const key = `${passage?.startKey}-${passage?.endKey}@${segment.startMs}`;
          if (!passage || seen.has(key)) continue;
          seen.add(key);
          found.push({ ...passage, atMs: segment.startMs });
          if (found.length >= MAX_MENTIONS) return found;
        }
      }
    }
  }
  return found;
}

function toPassage(range: string, isWholeChapter: boolean): Passage | undefined {
  const [from = "", to = from] = range.split("-");
  const [book = "", chapter, verse] = from.split(".");
  const [endBook = "", endChapter, endVerse] = to.split(".");
  if (!chapter || endBook !== book) return undefined;
  const start = { chapter: Number(chapter), verse: Number(verse ?? 1) };
  const end = { chapter: Number(endChapter ?? chapter), verse: Number(endVerse ?? verse ?? 1) };
  // "Mark.4.1-Mark.4.41" reads back as "Mark 4", as a person would say it.
  const shown = isWholeChapter && start.chapter === end.chapter ? `${book}.${chapter}` : range;
  return {
    book,
    startChapter: start.chapter,
    startVerse: start.verse,
    endChapter: end.chapter,
    endVerse: end.verse,
    startKey: passageKey(book, start.chapter, start.verse),
    endKey: passageKey(book, end.chapter, end.verse),
    text: formatOsis(shown),
  };
}
