import type { SpokenPassage } from "../find-spoken-scripture";
import { type BibleWordIndex, trigramPositions, verseRef } from "./bible-word-index";

/** Where a passage may have been read: a stretch of recognised words and of Bible words (end exclusive). */
export interface CandidateRegion {
  heardFrom: number;
  heardTo: number;
  bibleFrom: number;
  bibleTo: number;
}

/** Hits this far apart along the diagonal (extra or dropped words) still belong together. */
const DIAGONAL_BAND = 24;
const MAX_HIT_GAP = 60;
const MIN_HITS = 3;
const PADDING = 40;
/** The Bible words an announced reading is sought in (Psalm 119 is about 2,500). */
const MAX_ANNOUNCED_BIBLE_WORDS = 3000;
const MAX_ANNOUNCED_HEARD_WORDS = 3000;

/**
 * Stretches worth aligning. Unannounced readings show up as runs of recognised word trigrams
 * that occur, in order, in one place in the Bible (ids below 0 are words the Bible lacks).
 * Announced ones ("turn with me to Psalm 23") add the whole announced chapters against the
 * words said after the announcement, so a badly recognised reading is still found.
 */
export function findCandidateRegions(
  heard: Int32Array,
  heardStartMs: ArrayLike<number>,
  announced: readonly SpokenPassage[],
  index: BibleWordIndex,
): CandidateRegion[] {
  return [
    ...announcedRegions(heard, heardStartMs, announced, index),
    ...trigramRegions(heard, index),
  ];
}

function trigramRegions(heard: Int32Array, index: BibleWordIndex): CandidateRegion[] {
  // Hits sorted by (band, heard position) as one number each: a native numeric sort, no objects.
  const keys: number[] = [];
  const positions = new Map<number, number>();
  const span = heard.length + 1;
  for (let i = 0; i + 2 < heard.length; i++) {
    const [a, b, c] = [heard[i]!, heard[i + 1]!, heard[i + 2]!];
    if (a < 0 || b < 0 || c < 0) continue;
    for (const position of trigramPositions(index, a, b, c)) {
      const band = Math.floor((position - i) / DIAGONAL_BAND) + index.words.length;
      // Each hit joins its band and the one below, so a run drifting across a band edge stays whole.
      for (const key of [band * span + i, (band - 1) * span + i]) {
        keys.push(key);
        positions.set(key, position);
      }
    }
  }
  const sorted = Float64Array.from(keys).sort();
  const regions: CandidateRegion[] = [];
  let run: { heard: number; bible: number }[] = [];
  let runBand = -1;
  const flush = () => {
    if (run.length >= MIN_HITS) regions.push(regionAround(run, heard.length, index));
    run = [];
  };
  for (const key of sorted) {
    const band = Math.floor(key / span);
    const at = key - band * span;
    if (band !== runBand || (run.length && at - run.at(-1)!.heard > MAX_HIT_GAP)) flush();
    runBand = band;
    run.push({ heard: at, bible: positions.get(key)! });
  }
  flush();
  return mergeOverlapping(regions);
}

function regionAround(
  hits: { heard: number; bible: number }[],
  heardLength: number,
  index: BibleWordIndex,
): CandidateRegion {
  const bible = hits.map((hit) => hit.bible);
  return {
    heardFrom: Math.max(0, hits[0]!.heard - PADDING),
    heardTo: Math.min(heardLength, hits.at(-1)!.heard + 3 + PADDING),
    bibleFrom: Math.max(0, Math.min(...bible) - PADDING),
    bibleTo: Math.min(index.words.length, Math.max(...bible) + 3 + PADDING),
  };
}

function mergeOverlapping(regions: CandidateRegion[]): CandidateRegion[] {
  const merged: CandidateRegion[] = [];
  for (const region of regions.sort((a, b) => a.bibleFrom - b.bibleFrom)) {
    const last = merged.at(-1);
    if (
      last &&
      region.bibleFrom <= last.bibleTo &&
      region.heardFrom <= last.heardTo &&
      last.heardFrom <= region.heardTo
    ) {
      last.heardFrom = Math.min(last.heardFrom, region.heardFrom);
      last.heardTo = Math.max(last.heardTo, region.heardTo);
      last.bibleTo = Math.max(last.bibleTo, region.bibleTo);
    } else merged.push({ ...region });
  }
  return merged;
}

function announcedRegions(
  heard: Int32Array,
  heardStartMs: ArrayLike<number>,
  announced: readonly SpokenPassage[],
  index: BibleWordIndex,
): CandidateRegion[] {
  const regions: CandidateRegion[] = [];
  for (const passage of announced) {
    const first = index.verseByRef.get(verseRef(passage.book, passage.startChapter, 1));
    let last = first;
    for (let chapter = passage.startChapter; chapter <= passage.endChapter; chapter++) {
      for (let verse = 1; ; verse++) {
        const found = index.verseByRef.get(verseRef(passage.book, chapter, verse));
        if (found === undefined) break;
        last = found;
      }
    }
    if (first === undefined || last === undefined) continue;
    const bibleFrom = index.verseStart[first]!;
    const bibleTo = Math.min(index.verseStart[last + 1]!, bibleFrom + MAX_ANNOUNCED_BIBLE_WORDS);
    let heardFrom = 0;
    while (heardFrom < heard.length && heardStartMs[heardFrom]! < passage.atMs) heardFrom++;
    const span = Math.min(MAX_ANNOUNCED_HEARD_WORDS, Math.round((bibleTo - bibleFrom) * 1.5) + 200);
    if (heardFrom < heard.length)
      regions.push({
        heardFrom,
        heardTo: Math.min(heard.length, heardFrom + span),
        bibleFrom,
        bibleTo,
      });
  }
  return regions;
}
