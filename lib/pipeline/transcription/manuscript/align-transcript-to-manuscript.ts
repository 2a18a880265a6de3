import type { TranscriptSegmentDraft, TranscriptWord } from "@/lib/catalog/transcripts/transcript";
import { groupWordsIntoSegments } from "@/lib/pipeline/transcription/group-words-into-segments";
import { type AlignedPair, alignTokenSequences } from "./align-token-sequences";
import type { ManuscriptParagraph } from "./parse-manuscript";
import { spokenTokens } from "./spoken-tokens";

export interface AlignedManuscript {
  words: TranscriptWord[];
  segments: (TranscriptSegmentDraft & { source: "manuscript" | "recognised" })[];
  /** Where each manuscript paragraph starts in the audio; undefined for one not spoken. */
  paragraphStartsMs: (number | undefined)[];
  /** Manuscript sentences judged not spoken, and stretches of speech the manuscript lacks. */
  droppedSentences: number;
  departures: number;
}

export interface AlignmentOptions {
  /** A sentence counts as spoken when at least this share of its tokens were heard… */
  minSentenceMatch: number;
  /**
   * …or when this many of its tokens were heard in a row and they are that share of what was
   * heard in its place: a recogniser that lost a sentence's opening at a pause ("Turn with me
   * to Psalm 23" heard as "the psalm twenty three") still heard that sentence, while one never
   * said gathers only scattered accidental matches among other words.
   */
  minMatchedRun: number;
  /** Unmatched recognised tokens in a row that make a departure from the manuscript. */
  minDepartureTokens: number;
  /** Speaking time given to each character of a manuscript word timed by estimate. */
  msPerCharacter: number;
}

const DEFAULTS: AlignmentOptions = {
  minSentenceMatch: 0.5,
  minMatchedRun: 3,
  minDepartureTokens: 3,
  msPerCharacter: 65,
};

interface Span {
  startMs: number;
  endMs: number;
}

interface Token {
  text: string;
  startMs: number;
  endMs: number;
}

interface ManuscriptToken {
  text: string;
  paragraph: number;
  sentence: number; // across the whole manuscript
  word: number; // across the whole manuscript
}

/**
 * A manuscript's words, timed by the words a recogniser heard. The two are aligned token by
 * token; each manuscript sentence most of whose tokens were heard (or a run of them that is
 * most of what was heard in its place: see `minMatchedRun`) is kept, its matched words taking
 * the recognised times and the rest placed between them by length. A sentence that was not
 * heard is dropped (the preacher skipped it). Recognised speech the manuscript has no words
 * for — a run of `minDepartureTokens` or more outside the kept sentences' matches, or, with a
 * `fallback`, a run of that many of its words between the kept sentences — stands as
 * recognised, taken from `fallback` (a general recogniser's words for that time, when the main
 * ones came from a recogniser biased to the manuscript) or else from `heard`, and marked.
 */
export function alignTranscriptToManuscript(
  manuscript: readonly ManuscriptParagraph[],
  heard: readonly TranscriptWord[],
  fallback?: readonly TranscriptWord[],
  options: Partial<AlignmentOptions> = {},
): AlignedManuscript {
  const settings = { ...DEFAULTS, ...options };
  const written: { text: string; paragraph: number; sentence: number }[] = [];
  const tokens: ManuscriptToken[] = [];
  let sentenceIndex = 0;
  manuscript.forEach((paragraph, p) => {
    for (const sentence of paragraph.sentences) {
      for (const word of sentence.words) {
        for (const token of word.tokens) {
          tokens.push({ text: token, paragraph: p, sentence: sentenceIndex, word: written.length });
        }
        written.push({ text: word.text, paragraph: p, sentence: sentenceIndex });
      }
      sentenceIndex++;
    }
  });
  const heardTokens = heard.flatMap(splitIntoTokens);
  const pairs = matchAcrossPausesByTime(
    alignTokenSequences(
      tokens.map((token) => token.text),
      heardTokens.map((token) => token.text),
    ),
    tokens,
    heardTokens,
  );

  // Which sentences were spoken.
  const matchedTime: (Token | undefined)[] = Array.from({ length: tokens.length });
  const heardMatched = new Array<boolean>(heardTokens.length).fill(false);
  for (const pair of pairs) {
    if (pair.isMatch && pair.a !== undefined && pair.b !== undefined) {
      matchedTime[pair.a] = heardTokens[pair.b];
    }
  }
  const isKept = judgeSentences(tokens, pairs, sentenceIndex, settings);
  // A heard token paired with a kept sentence's token (matched or not) is that sentence's
  // speech, mis-heard at worst: only the rest can be a departure.
  for (const pair of pairs) {
    if (pair.a !== undefined && pair.b !== undefined) {
      heardMatched[pair.b] = isKept[tokens[pair.a]?.sentence ?? -1] ?? false;
    }
  }

  const manuscriptWords = timeKeptWords(tokens, written, matchedTime, isKept, settings);
  const keptSpans = new Map<number, Span>();
  tokens.forEach((token, i) => {
    const heardToken = matchedTime[i];
    if (!heardToken || !isKept[token.sentence]) return;
    const span = keptSpans.get(token.sentence);
    keptSpans.set(token.sentence, {
      startMs: Math.min(span?.startMs ?? Infinity, heardToken.startMs),
      endMs: Math.max(span?.endMs ?? 0, heardToken.endMs),
    });
  });
  const departureWords = findDepartures(
    heardTokens,
    heardMatched,
    [...keptSpans.values()],
    manuscriptWords,
    fallback ?? heard,
    fallback !== undefined,
    settings,
  );

  const paragraphStartsMs: (number | undefined)[] = manuscript.map(() => undefined);
  for (const { word, paragraph } of manuscriptWords) {
    if (paragraphStartsMs[paragraph] === undefined) paragraphStartsMs[paragraph] = word.startMs;
  }

  // Segments: a manuscript paragraph never shares one with the next, nor with recognised words.
  const runs: { source: "manuscript" | "recognised"; key: number; words: TranscriptWord[] }[] = [];
  const timeline = [
    ...manuscriptWords.map(({ word, paragraph }) => ({
      word,
      key: paragraph,
      source: "manuscript" as const,
    })),
    ...departureWords.map((word) => ({ word, key: -1, source: "recognised" as const })),
  ].sort((x, y) => x.word.startMs - y.word.startMs);
  for (const entry of timeline) {
    const last = runs.at(-1);
    if (last && last.source === entry.source && last.key === entry.key) last.words.push(entry.word);
    else runs.push({ source: entry.source, key: entry.key, words: [entry.word] });
  }
  return {
    words: timeline.map((entry) => entry.word),
    segments: runs.flatMap((run) =>
      groupWordsIntoSegments(run.words).map((segment) => ({ ...segment, source: run.source })),
    ),
    paragraphStartsMs,
    droppedSentences: isKept.filter((kept) => !kept).length,
    departures: runs.filter((run) => run.source === "recognised").length,
  };
}

/**
 * Where a match could as well have gone to an earlier token of the same text at equal cost,
 * the edit distance's traceback takes the later one; here time decides. A heard word two
 * manuscript tokens could take (the last "the" of one sentence and the first of the next, the
 * words between unheard) goes to the side it was spoken nearer to, so a paragraph no longer
 * starts at a word heard before the pause that ends the last one; a manuscript word heard
 * twice (once in place, once among unscripted speech) takes the time nearer its neighbours.
 */
function matchAcrossPausesByTime(
  pairs: readonly AlignedPair[],
  tokens: readonly ManuscriptToken[],
  heardTokens: readonly Token[],
): AlignedPair[] {
  const result = [...pairs];
  const matchedHeard = (from: number, step: 1 | -1) => {
    for (let k = from; k >= 0 && k < result.length; k += step) {
      const pair = result[k];
      if (pair?.isMatch && pair.b !== undefined) return heardTokens[pair.b];
    }
    return undefined;
  };
  for (let q = 1; q < result.length; q++) {
    const pair = result[q];
    if (!pair?.isMatch || pair.a === undefined || pair.b === undefined) continue;
    const token = tokens[pair.a];
    const spoken = heardTokens[pair.b];
    if (!token || !spoken) continue;
    // The run of one-sided pairs just before this match.
    let first = q;
    const side = result[q - 1]?.b === undefined ? "a" : "b";
    while (first > 0 && result[first - 1]?.[side === "a" ? "b" : "a"] === undefined) first--;
    if (first === q) continue;
    if (side === "a") {
      // Skipped manuscript tokens: an earlier twin in another sentence, if the heard word
      // sits nearer the words before it than those after.
      const before = heardTokens[pair.b - 1];
      const after = heardTokens[pair.b + 1];
      if (!before || !after) continue;
      if (spoken.startMs - before.endMs >= after.startMs - spoken.endMs) continue;
      const twin = result.slice(first, q).findIndex((skipped) => {
        const other = skipped.a === undefined ? undefined : tokens[skipped.a];
        return other?.text === token.text && other.sentence !== token.sentence;
      });
      const moved = result[first + twin];
      if (twin < 0 || moved?.a === undefined) continue;
      result[first + twin] = { a: moved.a, b: pair.b, isMatch: true };
      result[q] = { a: pair.a, b: undefined, isMatch: false };
    } else {
      // Unmatched heard tokens: an earlier twin, if it follows the last match more closely
      // than this one precedes the next.
      const previous = matchedHeard(first - 1, -1);
      const next = matchedHeard(q + 1, 1);
      const twin = result
        .slice(first, q)
        .findIndex((extra) => extra.b !== undefined && heardTokens[extra.b]?.text === token.text);
      const moved = result[first + twin];
      const candidate = moved?.b === undefined ? undefined : heardTokens[moved.b];
      if (twin < 0 || moved?.b === undefined || !candidate || !previous || !next) continue;
      if (candidate.startMs - previous.endMs >= next.startMs - spoken.endMs) continue;
      result[first + twin] = { a: pair.a, b: moved.b, isMatch: true };
      result[q] = { a: undefined, b: pair.b, isMatch: false };
    }
  }
  return result;
}

/** Whether each manuscript sentence was spoken, judged by its tokens' pairs. */
function judgeSentences(
  tokens: readonly ManuscriptToken[],
  pairs: readonly AlignedPair[],
  sentenceCount: number,
  settings: AlignmentOptions,
): boolean[] {
  const count = () => new Array<number>(sentenceCount).fill(0);
  const sentenceTokens = count();
  const matches = count();
  // Heard tokens in the sentence's place: paired with its tokens, or inserted after one.
  const heardInPlace = count();
  const longestRun = count();
  for (const token of tokens)
    sentenceTokens[token.sentence] = (sentenceTokens[token.sentence] ?? 0) + 1;
  let sentence = -1;
  let run = 0;
  for (const pair of pairs) {
    const token = pair.a === undefined ? undefined : tokens[pair.a];
    if (token && token.sentence !== sentence) {
      sentence = token.sentence;
      run = 0;
    }
    if (sentence < 0) continue;
    if (pair.b !== undefined) heardInPlace[sentence] = (heardInPlace[sentence] ?? 0) + 1;
    if (!pair.isMatch) {
      run = 0;
      continue;
    }
    matches[sentence] = (matches[sentence] ?? 0) + 1;
    run++;
    longestRun[sentence] = Math.max(longestRun[sentence] ?? 0, run);
  }
  return matches.map((matched, s) => {
    if (matched >= Math.max(1, settings.minSentenceMatch * (sentenceTokens[s] ?? 0))) return true;
    return (
      (longestRun[s] ?? 0) >= settings.minMatchedRun &&
      matched >= settings.minSentenceMatch * (heardInPlace[s] ?? 0)
    );
  });
}

/** A recognised word → its tokens, sharing its time evenly. */
function splitIntoTokens(word: TranscriptWord): Token[] {
  const parts = spokenTokens(word.text);
  const step = (word.endMs - word.startMs) / Math.max(1, parts.length);
  return parts.map((text, i) => ({
    text,
    startMs: Math.round(word.startMs + i * step),
    endMs: Math.round(word.startMs + (i + 1) * step),
  }));
}

/**
 * Times for the kept sentences' words: a word with a matched token takes the heard times; the
 * unmatched ones between two timed words share that gap by length, and those at a sentence's
 * edge get an estimated duration next to the nearest timed word of their sentence.
 */
function timeKeptWords(
  tokens: readonly ManuscriptToken[],
  written: readonly { text: string; paragraph: number; sentence: number }[],
  matchedTime: readonly (Token | undefined)[],
  isKept: readonly boolean[],
  settings: AlignmentOptions,
): { word: TranscriptWord; paragraph: number; sentence: number }[] {
  const times: ({ startMs: number; endMs: number } | undefined)[] = written.map(() => undefined);
  tokens.forEach((token, i) => {
    const heard = matchedTime[i];
    if (!heard) return;
    const known = times[token.word];
    times[token.word] = known
      ? {
          startMs: Math.min(known.startMs, heard.startMs),
          endMs: Math.max(known.endMs, heard.endMs),
        }
      : { startMs: heard.startMs, endMs: heard.endMs };
  });

  const kept: { word: TranscriptWord; paragraph: number; sentence: number }[] = [];
  let i = 0;
  while (i < written.length) {
    const sentence = written[i]?.sentence ?? 0;
    let end = i;
    while (end < written.length && written[end]?.sentence === sentence) end++;
    if (isKept[sentence]) {
      fillGaps(written.slice(i, end), times.slice(i, end), settings).forEach((time, k) => {
        const source = written[i + k];
        if (source) {
          kept.push({
            word: { ...time, text: source.text, source: "manuscript" },
            paragraph: source.paragraph,
            sentence,
          });
        }
      });
    }
    i = end;
  }
  // Estimated edges may overlap the sentence before; keep times rising.
  for (let k = 1; k < kept.length; k++) {
    const before = kept[k - 1]?.word;
    const word = kept[k]?.word;
    if (!before || !word) continue;
    if (word.startMs < before.endMs) word.startMs = Math.min(before.endMs, word.endMs);
  }
  return kept;
}

function fillGaps(
  words: readonly { text: string }[],
  times: readonly ({ startMs: number; endMs: number } | undefined)[],
  settings: AlignmentOptions,
): { startMs: number; endMs: number }[] {
  const result = [...times];
  const estimate = (k: number) => Math.max(1, words[k]?.text.length ?? 1) * settings.msPerCharacter;
  let k = 0;
  while (k < words.length) {
    if (result[k]) {
      k++;
      continue;
    }
    let end = k;
    while (end < words.length && !result[end]) end++;
    const before = result[k - 1];
    const after = result[end];
    const lengths = Array.from({ length: end - k }, (_, n) => estimate(k + n));
    const total = lengths.reduce((sum, length) => sum + length, 0);
    let from: number;
    let scale = 1;
    if (before && after) {
      from = before.endMs;
      scale = Math.max(0, after.startMs - before.endMs) / total;
    } else if (after) {
      from = Math.max(0, after.startMs - total);
    } else {
      from = before?.endMs ?? 0;
    }
    for (let n = 0; n < lengths.length; n++) {
      const length = (lengths[n] ?? 0) * scale;
      result[k + n] = { startMs: Math.round(from), endMs: Math.round(from + length) };
      from += length;
    }
    k = end;
  }
  return result.map((time) => time ?? { startMs: 0, endMs: 0 });
}

/**
 * Runs of heard tokens paired with no kept sentence, long enough to be speech the manuscript
 * lacks and outside every kept sentence's heard span (a run inside one is that sentence
 * mis-heard); each becomes the recognised words of that stretch, from `source`. When `source`
 * is a recogniser of its own, its runs of words outside the placed kept sentences count too.
 */
function findDepartures(
  heardTokens: readonly Token[],
  heardMatched: readonly boolean[],
  keptSpans: readonly Span[],
  placed: readonly { word: TranscriptWord; sentence: number }[],
  source: readonly TranscriptWord[],
  sourceHeardApart: boolean,
  settings: AlignmentOptions,
): TranscriptWord[] {
  const within = (spans: readonly Span[], word: Span) => {
    const middle = (word.startMs + word.endMs) / 2;
    return spans.some((span) => middle >= span.startMs && middle <= span.endMs);
  };
  const stretches: Span[] = [];
  let run: Token[] = [];
  const flush = () => {
    const first = run[0];
    const last = run.at(-1);
    if (first && last && run.length >= settings.minDepartureTokens) {
      const stretch = { startMs: first.startMs, endMs: last.endMs };
      if (!within(keptSpans, stretch)) stretches.push(stretch);
    }
    run = [];
  };
  heardTokens.forEach((token, i) => {
    if (heardMatched[i]) flush();
    else run.push(token);
  });
  flush();
  const outside = source.filter((word) => !within(keptSpans, word));
  const departed = new Set(outside.filter((word) => within(stretches, word)));
  if (sourceHeardApart) {
    // The recogniser biased to the manuscript may hear unscripted speech as a word or two, or
    // as manuscript words that happen to fit a kept sentence, too few for a run of its own;
    // the general recogniser's run of words between the kept sentences is that speech.
    // Where the kept sentences were placed, their estimated edges too.
    const placedSpans = new Map<number, Span>();
    for (const { word, sentence } of placed) {
      const span = placedSpans.get(sentence);
      placedSpans.set(sentence, {
        startMs: Math.min(span?.startMs ?? Infinity, word.startMs),
        endMs: Math.max(span?.endMs ?? 0, word.endMs),
      });
    }
    const spans = [...placedSpans.values()];
    const said = (word: TranscriptWord | undefined) => spokenTokens(word?.text ?? "").join(" ");
    let words: TranscriptWord[] = [];
    const keep = () => {
      // A word at the run's edge that is the neighbouring kept word is that word, heard by the
      // two recognisers a little apart in time.
      const first = words[0];
      const last = words.at(-1);
      if (first && said(first) === said(placed.findLast((p) => p.word.endMs <= first.endMs)?.word))
        words.shift();
      if (last && said(last) === said(placed.find((p) => p.word.startMs >= last.startMs)?.word))
        words.pop();
      if (words.length >= settings.minDepartureTokens) for (const word of words) departed.add(word);
      words = [];
    };
    for (const word of source) {
      if (within(spans, word)) keep();
      else words.push(word);
    }
    keep();
  }
  return source
    .filter((word) => departed.has(word))
    .map((word) => ({ ...word, source: "recognised" as const }));
}
