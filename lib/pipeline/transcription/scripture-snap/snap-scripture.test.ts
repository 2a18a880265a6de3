import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { BibleVerse } from "@/lib/catalog/scripture/bible-text/parse-sword-export";
import { loadBibleText } from "@/lib/catalog/scripture/bible-text/load-bible-text";
import type { MachineTranscript, TranscriptWord } from "@/lib/catalog/transcripts/transcript";
import { groupWordsIntoSegments } from "../group-words-into-segments";
import { type BibleWordIndex, bibleWordIndex } from "./bible-word-index";
import { snapScripture } from "./snap-scripture";

// The text comes from the installed Debian SWORD modules (scripts/ensure-deps.sh), cached
// once per machine like the app caches it under SELAH_DATA_DIR.
const CACHE = join(tmpdir(), "selah-test-bible-text");

const PROSE = [
  "Good morning church, it is so good to see every one of you here today.",
  "Before we begin I want to thank the team who set up the chairs this week.",
  "Some of you have had a hard month, and I know the news has been heavy.",
  "When my daughter was small she would climb into my lap during storms.",
  "She did not understand the thunder, but she trusted the arms that held her.",
  "That is the picture I want us to carry with us this morning.",
  "We often think faith means having every answer worked out in advance.",
  "But most days faith looks more like getting up and showing up again.",
  "I spoke with a nurse last week who works nights at the county hospital.",
  "She told me the hardest part is the quiet hour just before dawn.",
  "Our small groups start again on Tuesday, so sign up at the welcome desk.",
  "Let me ask you a question, and be honest with yourself as you answer it.",
  "Where do you run first when the floor falls out from under you?",
  "For some of us it is work, for others it is our phone or our friends.",
  "None of those things are bad, yet none of them can carry that weight.",
  "So as we close, take a moment and name the worry you brought in today.",
];
const NOISE = ["uh", "the", "and", "we", "it", "so", "a", "in", "um", "that", "of", "but"];

/** Deterministic pseudo-random numbers (mulberry32). */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words timed one after another, 300 ms each with 60 ms between, from `atMs`. */
class Recording {
  words: TranscriptWord[] = [];
  private atMs = 0;
  say(text: string, pauseAfterMs = 0) {
    for (const token of text.split(/\s+/).filter(Boolean)) {
      this.words.push({ startMs: this.atMs, endMs: this.atMs + 300, text: token });
      this.atMs += 360;
    }
    this.atMs += pauseAfterMs;
  }
  transcript(): MachineTranscript {
    return {
      provider: "local",
      model: null,
      language: "en",
      confidence: null,
      words: this.words,
      segments: groupWordsIntoSegments(this.words),
    };
  }
}

function passage(
  verses: readonly BibleVerse[],
  book: string,
  chapter: number,
  from: number,
  to: number,
) {
  const text = verses
    .filter(([b, c, v]) => b === book && c === chapter && v >= from && v <= to)
    .map((verse) => verse[3]);
  expect(text).toHaveLength(to - from + 1);
  return text.join(" ");
}

/**
 * The passage as a poor recogniser hears it: lower case, no punctuation, and about a third of
 * the words wrong, evenly misheard, dropped or with an extra word after them.
 */
function misheard(text: string, seed: number) {
  const random = seeded(seed);
  const out: string[] = [];
  let wrong = 0;
  const words = text
    .toLowerCase()
    .replace(/[^\p{L}\s]/gu, "")
    .split(/\s+/)
    .filter(Boolean);
  for (const word of words) {
    const roll = random();
    if (roll < 1 / 9) {
      out.push(NOISE[Math.floor(random() * NOISE.length)]! + "x");
      wrong++;
    } else if (roll < 2 / 9) {
      wrong++;
    } else if (roll < 3 / 9) {
      out.push(word, NOISE[Math.floor(random() * NOISE.length)]!);
      wrong++;
    } else out.push(word);
  }
  return { text: out.join(" "), share: wrong / words.length };
}

const textOf = (words: readonly TranscriptWord[]) => words.map((word) => word.text).join(" ");

let web: readonly BibleVerse[];
let webIndex: BibleWordIndex;

beforeAll(async () => {
  web = await loadBibleText("WEB", CACHE);
  const started = process.cpuUsage();
  webIndex = bibleWordIndex(web);
  const used = process.cpuUsage(started);
  console.info(
    `bibleWordIndex: ${web.length} verses, ${webIndex.words.length} words in ${((used.user + used.system) / 1000).toFixed(0)} ms of CPU`,
  );
});

describe("snapScripture", () => {
  it("recovers an unannounced reading verse-exact from recognised text with a third of its words wrong", () => {
    const psalm = passage(web, "Ps", 23, 1, 6);
    const heard = misheard(psalm, 23);
    expect(heard.share).toBeGreaterThanOrEqual(0.3);
    const recording = new Recording();
    recording.say(PROSE.slice(0, 5).join(" "), 900);
    const readingFrom = recording.words.length;
    recording.say(heard.text, 900);
    const readingTo = recording.words.length;
    recording.say(PROSE.slice(5, 10).join(" "));
    const before = recording.words.slice(0, readingFrom);
    const after = recording.words.slice(readingTo);

    const snapped = snapScripture(recording.transcript(), webIndex, "WEB");

    expect(snapped.scripture).toEqual([
      expect.objectContaining({
        book: "Ps",
        startChapter: 23,
        startVerse: 1,
        endChapter: 23,
        endVerse: 6,
        text: "Psalm 23:1–6",
        translation: "WEB",
        snapped: true,
        atMs: recording.words[readingFrom]!.startMs,
      }),
    ]);
    expect(textOf(snapped.words)).toBe(`${textOf(before)} ${psalm} ${textOf(after)}`);
    const reading = snapped.words.slice(before.length, snapped.words.length - after.length);
    const spanStart = recording.words[readingFrom]!.startMs;
    const spanEnd = recording.words[readingTo - 1]!.endMs;
    expect(snapped.scripture![0]!.endMs).toBeLessThanOrEqual(spanEnd);
    for (const [i, word] of reading.entries()) {
      expect(word.startMs).toBeGreaterThanOrEqual(spanStart);
      expect(word.endMs).toBeLessThanOrEqual(spanEnd);
      expect(word.endMs).toBeGreaterThanOrEqual(word.startMs);
      if (i > 0) expect(word.startMs).toBeGreaterThanOrEqual(reading[i - 1]!.endMs);
    }
    // A word heard right keeps the time it was heard at.
    const heardWords = recording.words.slice(readingFrom, readingTo);
    const kept = ["pastures", "valley", "enemies", "righteousness", "goodness", "staff"].filter(
      (word) => heardWords.filter((w) => w.text === word).length === 1,
    );
    expect(kept.length).toBeGreaterThanOrEqual(3);
    for (const word of kept) {
      const snappedWord = reading.find((w) => w.text.replace(/\W/g, "") === word);
      expect(snappedWord?.startMs).toBe(heardWords.find((w) => w.text === word)!.startMs);
    }
    const labelled = snapped.segments.filter((segment) => segment.scripture);
    expect(labelled.map((segment) => segment.text)).toEqual(
      web.filter(([b, c]) => b === "Ps" && c === 23).map((verse) => verse[3]),
    );
    expect(new Set(labelled.map((segment) => segment.scripture))).toEqual(
      new Set(["WEB · Psalm 23:1–6"]),
    );
    expect(
      snapped.segments
        .filter((s) => !s.scripture)
        .map((s) => s.text)
        .join(" "),
    ).toBe(`${textOf(before)} ${textOf(after)}`);
  });

  it("recovers every one of twenty differently misheard readings of each of four passages", () => {
    const passages = [
      ["Ps", 23, 1, 6, "Psalm 23:1–6"],
      ["Rom", 8, 28, 39, "Romans 8:28–39"],
      ["John", 3, 16, 17, "John 3:16–17"],
      ["1Cor", 13, 4, 7, "1 Corinthians 13:4–7"],
    ] as const;
    for (const [book, chapter, from, to, reference] of passages) {
      const text = passage(web, book, chapter, from, to);
      for (let seed = 1; seed <= 20; seed++) {
        const recording = new Recording();
        recording.say(PROSE[seed % PROSE.length]!, 800);
        recording.say(misheard(text, seed * 7919).text, 800);
        recording.say(PROSE[(seed + 5) % PROSE.length]!);

        const snapped = snapScripture(recording.transcript(), webIndex, "WEB");

        expect(
          snapped.scripture?.map((p) => p.text),
          `${reference}, seed ${seed}`,
        ).toEqual([reference]);
        expect(textOf(snapped.words), `${reference}, seed ${seed}`).toBe(
          `${PROSE[seed % PROSE.length]} ${text} ${PROSE[(seed + 5) % PROSE.length]}`,
        );
      }
    }
  });

  it("recovers an announced reading, and only the verses that were read", () => {
    const romans = passage(web, "Rom", 8, 28, 39);
    const heard = misheard(romans, 8);
    expect(heard.share).toBeGreaterThanOrEqual(0.3);
    const recording = new Recording();
    recording.say(PROSE.slice(0, 3).join(" "));
    recording.say("Turn with me to Romans chapter eight, verse twenty-eight.", 1500);
    recording.say(heard.text, 1200);
    recording.say(PROSE.slice(3, 8).join(" "));

    const snapped = snapScripture(recording.transcript(), webIndex, "WEB");

    expect(snapped.scripture?.map((p) => p.text)).toEqual(["Romans 8:28–39"]);
    expect(textOf(snapped.words)).toContain(`verse twenty-eight. ${romans} ${PROSE[3]}`);
  });

  it("leaves a sermon alone that only quotes a few words of scripture", () => {
    const recording = new Recording();
    recording.say(PROSE.slice(0, 6).join(" "));
    recording.say("As the psalmist says, the Lord is my shepherd, and we need nothing more.");
    recording.say(PROSE.slice(6, 12).join(" "));
    recording.say("For God so loved the world, and he loves you.");
    recording.say("In the beginning was the Word, as John puts it.");
    recording.say(PROSE.slice(12).join(" "));
    const transcript = recording.transcript();

    const snapped = snapScripture(transcript, webIndex, "WEB");

    expect(snapped.scripture).toEqual([]);
    expect(snapped.words).toEqual(transcript.words);
    expect(snapped.segments).toEqual(transcript.segments);
  });

  it("snaps to the KJV when that translation is chosen", async () => {
    const kjv = await loadBibleText("KJV", CACHE);
    const psalm = passage(kjv, "Ps", 23, 1, 6);
    const recording = new Recording();
    recording.say(PROSE.slice(0, 4).join(" "), 900);
    recording.say(misheard(psalm, 1611).text, 900);
    recording.say(PROSE.slice(4, 8).join(" "));

    const snapped = snapScripture(recording.transcript(), bibleWordIndex(kjv), "KJV");

    expect(snapped.scripture?.map((p) => `${p.translation} ${p.text}`)).toEqual([
      "KJV Psalm 23:1–6",
    ]);
    expect(textOf(snapped.words)).toContain(`${PROSE[3]} ${psalm} ${PROSE[4]}`);
    expect(snapped.segments.find((s) => s.scripture)?.text).toBe(
      "The LORD is my shepherd; I shall not want.",
    );
  });

  it("snaps a 45-minute sermon in well under a second", () => {
    const random = seeded(45);
    const recording = new Recording();
    const readings = [
      ["John", 3, 14, 21],
      ["Isa", 40, 27, 31],
      ["Matt", 5, 3, 12],
    ] as const;
    for (let minute = 0; minute < 45; minute++) {
      const reading = readings[minute / 15];
      if (reading) {
        const [book, chapter, from, to] = reading;
        recording.say(misheard(passage(web, book, chapter, from, to), minute).text, 800);
      }
      while (recording.words.at(-1)!.endMs < (minute + 1) * 60_000)
        recording.say(PROSE[Math.floor(random() * PROSE.length)]!);
    }
    const transcript = recording.transcript();
    expect(transcript.words.length).toBeGreaterThan(7000);

    // CPU time, not wall time: the machine may be shared, and waiting for a core is not work.
    const started = process.cpuUsage();
    const wallStarted = performance.now();
    const snapped = snapScripture(transcript, webIndex, "WEB");
    const used = process.cpuUsage(started);
    const cpuMs = (used.user + used.system) / 1000;

    console.info(
      `snapScripture: ${transcript.words.length} words (45 min) in ${cpuMs.toFixed(0)} ms of CPU (${(performance.now() - wallStarted).toFixed(0)} ms wall)`,
    );
    expect(snapped.scripture?.map((p) => p.text)).toEqual([
      "John 3:14–21",
      "Isaiah 40:27–31",
      "Matthew 5:3–12",
    ]);
    expect(cpuMs).toBeLessThan(1000);
  });
});
