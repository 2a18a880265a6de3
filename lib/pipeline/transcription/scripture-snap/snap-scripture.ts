import { passageKey } from "@/lib/catalog/scripture/books";
import { formatOsis, type Passage } from "@/lib/catalog/scripture/parse-passages";
import type { MachineTranscript } from "@/lib/catalog/transcripts/transcript";
import { findSpokenScripture } from "../find-spoken-scripture";
import { alignWords } from "./align-words";
import type { BibleWordIndex } from "./bible-word-index";
import { findCandidateRegions } from "./find-candidate-regions";
import { findReading, type HeardWords, type Reading } from "./find-reading";
import { normaliseWord } from "./normalise-word";
import { rewriteWithReadings } from "./rewrite-with-readings";

/** A passage read aloud, as recorded among the sermon's spoken scripture. */
export interface SnappedPassage extends Passage {
  atMs: number;
  endMs: number;
  translation: string;
  snapped: true;
}

/** Ids for words the Bible lacks, and for punctuation alone: they never match. */
const UNKNOWN = -1;
const NOT_A_WORD = -2;

/**
 * Finds the passages read aloud in a machine transcript and puts the exact verses of the
 * translation in place of what the recogniser heard, keeping the times (see
 * rewriteWithReadings). Readings are found by alignment against candidate stretches
 * (findCandidateRegions), accepted by findReading, and never overlap: the best-matched wins.
 */
export function snapScripture(
  transcript: MachineTranscript,
  index: BibleWordIndex,
  translation: string,
): MachineTranscript & { scripture: SnappedPassage[] } {
  const heard = heardWords(transcript, index);
  const announced = findSpokenScripture(transcript.segments);
  const readings: Reading[] = [];
  for (const region of findCandidateRegions(heard.ids, heard.startMs, announced, index)) {
    const { pairs } = alignWords(
      heard.ids.subarray(region.heardFrom, region.heardTo),
      index.words.subarray(region.bibleFrom, region.bibleTo),
    );
    const absolute = pairs.map((pair) => ({
      ...pair,
      heard: pair.heard + region.heardFrom,
      bible: pair.bible + region.bibleFrom,
    }));
    const reading = findReading(absolute, heard, index, {
      heardFrom: region.heardFrom,
      heardTo: region.heardTo,
    });
    if (reading) readings.push(reading);
  }
  const chosen: Reading[] = [];
  for (const reading of readings.sort((a, b) => b.sameWords - a.sameWords)) {
    const clashes = chosen.some(
      (other) => reading.heardFrom <= other.heardTo && other.heardFrom <= reading.heardTo,
    );
    if (!clashes) chosen.push(reading);
  }
  chosen.sort((a, b) => a.heardFrom - b.heardFrom);
  const passages = chosen.map((reading) => toPassage(reading, index));
  const labels = passages.map((passage) => `${translation} · ${passage.text}`);
  const rewritten = rewriteWithReadings(
    transcript.words,
    transcript.segments,
    chosen,
    labels,
    index,
  );
  return {
    ...transcript,
    words: rewritten.words,
    segments: rewritten.segments,
    scripture: rewritten.spans.map((span, r) => ({
      ...passages[r]!,
      atMs: span.startMs,
      endMs: span.endMs,
      translation,
      snapped: true,
    })),
  };
}

function heardWords(transcript: MachineTranscript, index: BibleWordIndex): HeardWords {
  const { words } = transcript;
  const ids = new Int32Array(words.length);
  words.forEach((word, i) => {
    const normal = normaliseWord(word.text);
    ids[i] = normal ? (index.vocabulary.get(normal) ?? UNKNOWN) : NOT_A_WORD;
  });
  return {
    ids,
    text: words.map((word) => word.text),
    startMs: words.map((word) => word.startMs),
    endMs: words.map((word) => word.endMs),
  };
}

function toPassage(reading: Reading, index: BibleWordIndex): Passage {
  const [book, startChapter, startVerse] = index.verses[reading.firstVerse]!;
  const [, endChapter, endVerse] = index.verses[reading.lastVerse]!;
  const start = `${book}.${startChapter}.${startVerse}`;
  const end = `${book}.${endChapter}.${endVerse}`;
  return {
    book,
    startChapter,
    startVerse,
    endChapter,
    endVerse,
    startKey: passageKey(book, startChapter, startVerse),
    endKey: passageKey(book, endChapter, endVerse),
    text: formatOsis(start === end ? start : `${start}-${end}`),
  };
}
