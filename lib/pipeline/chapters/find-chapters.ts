import type { ListenerChapter } from "@/lib/catalog/chapters/chapter-queries";
import { titleFromSalientWords, titleFromSentence } from "./chapter-titles";
import { type DiscourseMarker, findMarker } from "./discourse-markers";
import { topicShiftScores } from "./lexical-cohesion";
import { type TimedSentence, type TimedText, toSentences } from "./sermon-sentences";

/** A passage said aloud (ScriptureRef, source spoken), dated by its segment's start. */
export interface SpokenPassageAt {
  text: string;
  atMs: number;
  startKey: number;
  endKey: number;
}

export interface ChapterEvidence {
  /** The recording's length; the transcript's end when unknown. */
  durationMs: number | null;
  segments: readonly TimedText[];
  spoken: readonly SpokenPassageAt[];
  /** The sermon's main passages (ScriptureRef, source main): the reading is one of them. */
  main: readonly { startKey: number; endKey: number }[];
}

/** Chapters an hour after the opening one, at most; fewer when the sermon gives no reason for more. */
const MAX_PER_HOUR = 8;
const MIN_PER_HOUR = 3;
/** The shortest chapter after a weak cue (a topic shift); an announced part may be shorter. */
const MIN_CHAPTER_MS = 120_000;
const MIN_ANNOUNCED_CHAPTER_MS = 60_000;
/** A prayer or closing words may be brief. */
const MIN_LAST_CHAPTER_MS = 40_000;
/** Evidence enough on its own: an announced part, a reading, or a clear topic shift. */
const ACCEPT = 2.5;
/** Enough to make up the hourly minimum with. */
const FILL = 1.2;
/** A reading said in the first moments is the first chapter itself. */
const OPENING_MS = 20_000;

/** The cue words that say a reference is read, not cited: "turn to", "our reading". */
const READING_CUE =
  /\b(?:read(?:ing|s)?|turn(?:ing)?|open(?:ing)?|text|passage|scripture|word of the lord|hear)\b/i;

interface Candidate {
  index: number;
  startMs: number;
  score: number;
  /** Announced (a marker, a reading): may start a shorter chapter. */
  isAnnounced: boolean;
  marker: DiscourseMarker | null;
  reading: SpokenPassageAt | null;
}

/**
 * Divides a sermon into chapters from its transcript: readings (titled by their reference),
 * announced parts ("my second point", "so what does this mean for us", "let us pray", "in
 * closing"), topic shifts (a TextTiling-like dip in word overlap) and long pauses, about three
 * to eight an hour, none shorter than two minutes unless announced, the first always at 0.
 * No transcript, no chapters.
 */
export function findChapters(evidence: ChapterEvidence): ListenerChapter[] {
  const sentences = toSentences(evidence.segments);
  if (sentences.length === 0) return [];
  const durationMs = Math.max(evidence.durationMs ?? 0, sentences.at(-1)!.endMs);
  const hours = durationMs / 3_600_000;
  const maxChapters = 1 + Math.round(MAX_PER_HOUR * hours);
  const minChapters = Math.max(1, Math.floor(MIN_PER_HOUR * hours));

  const candidates = scoreCandidates(sentences, evidence);
  const opening = candidates.find(
    (candidate) => candidate.reading && candidate.startMs <= OPENING_MS,
  );
  const chosen: Candidate[] = [];
  const fits = (candidate: Candidate) => {
    const isLast = (at: number) => !chosen.some((other) => other.startMs > at);
    const minBefore = (other: { isAnnounced: boolean } | null) =>
      candidate.isAnnounced && (other?.isAnnounced ?? true)
        ? MIN_ANNOUNCED_CHAPTER_MS
        : MIN_CHAPTER_MS;
    const previous = [...chosen].reverse().find((other) => other.startMs < candidate.startMs);
    const next = chosen.find((other) => other.startMs > candidate.startMs);
    if (candidate.startMs - (previous?.startMs ?? 0) < minBefore(previous ?? null)) return false;
    if (next && next.startMs - candidate.startMs < minBefore(next)) return false;
    const endRoom = isLast(candidate.startMs)
      ? candidate.isAnnounced
        ? MIN_LAST_CHAPTER_MS
        : MIN_CHAPTER_MS
      : 0;
    return durationMs - candidate.startMs >= endRoom;
  };
  const ranked = candidates
    .filter((candidate) => candidate !== opening && candidate.startMs > OPENING_MS)
    .sort((a, b) => b.score - a.score || a.startMs - b.startMs);
  for (const [threshold, limit] of [
    [ACCEPT, maxChapters - 1],
    [FILL, minChapters - 1],
  ] as const) {
    for (const candidate of ranked) {
      if (chosen.length >= limit) break;
      if (candidate.score < threshold || chosen.includes(candidate) || !fits(candidate)) continue;
      chosen.push(candidate);
      chosen.sort((a, b) => a.startMs - b.startMs);
    }
  }

  const starts = [{ index: 0, startMs: 0, candidate: opening ?? null }].concat(
    chosen.map((candidate) => ({ index: candidate.index, startMs: candidate.startMs, candidate })),
  );
  const whole = sentences.map((sentence) => sentence.text).join(" ");
  return starts.map((start, position) => {
    const end = starts[position + 1]?.index ?? sentences.length;
    const text = sentences
      .slice(start.index, end)
      .map((sentence) => sentence.text)
      .join(" ");
    return {
      startMs: start.startMs,
      title:
        titleOf(start.candidate) ??
        (position === 0 && starts.length > 1 ? "Introduction" : null) ??
        titleFromSalientWords(text, whole) ??
        `Part ${position + 1}`,
    };
  });
}

function titleOf(candidate: Candidate | null): string | null {
  if (!candidate) return null;
  if (candidate.reading) return candidate.reading.text;
  switch (candidate.marker?.kind) {
    case "prayer":
      return "Prayer";
    case "application":
      return "Application";
    case "conclusion":
      return "Conclusion";
    case "point":
    case "turn":
      return titleFromSentence(candidate.marker.rest);
    default:
      return null;
  }
}

/** Every sentence as a possible chapter start, with the evidence for it added up. */
function scoreCandidates(
  sentences: readonly TimedSentence[],
  evidence: ChapterEvidence,
): Candidate[] {
  const shifts = topicShiftScores(sentences);
  const readings = findReadings(sentences, evidence);
  return sentences.map((sentence, index) => {
    const marker = findMarker(sentence.text);
    const reading = readings.get(index) ?? null;
    const pause = sentence.pauseBeforeMs >= 4_000 ? 1 : sentence.pauseBeforeMs >= 2_000 ? 0.5 : 0;
    const score =
      (reading ? 3 : 0) + (marker?.strength ?? 0) + Math.min(3, shifts[index] ?? 0) * 0.9 + pause;
    return {
      index,
      startMs: sentence.startMs,
      score,
      isAnnounced: reading !== null || (marker !== null && marker.strength >= 2),
      marker,
      reading,
    };
  });
}

/**
 * The sentences where a passage is read: the first sentence of the segment it was said in,
 * when a cue says it is read ("turn with me to…", "our reading is…") or, the first time, it is
 * one of the sermon's main passages. A passage read once is a reading once: later mentions of
 * it are citations.
 */
function findReadings(
  sentences: readonly TimedSentence[],
  evidence: ChapterEvidence,
): Map<number, SpokenPassageAt> {
  const readings = new Map<number, SpokenPassageAt>();
  const read = new Set<string>();
  const isMain = (passage: SpokenPassageAt) =>
    evidence.main.some(
      (main) => passage.startKey <= main.endKey && passage.endKey >= main.startKey,
    );
  for (const passage of [...evidence.spoken].sort((a, b) => a.atMs - b.atMs)) {
    const key = `${passage.startKey}-${passage.endKey}`;
    if (read.has(key)) continue;
    const index = sentences.findIndex((sentence) => sentence.segmentStartMs === passage.atMs);
    if (index < 0) continue;
    const cue = READING_CUE.test(sentences[index]!.segmentText);
    if (!cue && !isMain(passage)) continue;
    read.add(key);
    // Only one reading per sentence: the first passage named there titles it.
    if (!readings.has(index)) readings.set(index, passage);
  }
  return readings;
}
