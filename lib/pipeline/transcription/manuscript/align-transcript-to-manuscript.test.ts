import { describe, expect, it } from "vitest";
import type { TranscriptWord } from "@/lib/catalog/transcripts/transcript";
import { alignTranscriptToManuscript } from "./align-transcript-to-manuscript";
import { parseManuscript } from "./parse-manuscript";

/** Recognised words, 300 ms each with 100 ms between, from `atMs`; "|" leaves a 2 s pause. */
function heard(text: string, atMs = 0): TranscriptWord[] {
  const words: TranscriptWord[] = [];
  let at = atMs;
  for (const token of text.split(" ")) {
    if (token === "|") {
      at += 2000;
      continue;
    }
    words.push({ text: token, startMs: at, endMs: at + 300 });
    at += 400;
  }
  return words;
}
const textOf = (words: readonly TranscriptWord[]) => words.map((word) => word.text).join(" ");

describe("alignTranscriptToManuscript", () => {
  it("gives the manuscript's words the recognised times, the recogniser's mistakes left out", () => {
    const manuscript = parseManuscript(
      "Blessed are the meek, for they shall inherit the earth.\n\nBlessed are the merciful.",
    );
    const recognised = heard(
      "blessed our the meek for they shall in hair it the earth | blessed are the merciful",
    );
    const aligned = alignTranscriptToManuscript(manuscript, recognised);

    expect(textOf(aligned.words)).toBe(
      "Blessed are the meek, for they shall inherit the earth. Blessed are the merciful.",
    );
    expect(aligned.words.every((word) => word.source === "manuscript")).toBe(true);
    expect(aligned.words[3]).toMatchObject({ text: "meek,", startMs: 1200, endMs: 1500 });
    // "inherit" was heard as "in hair it": it fills the gap between "shall" and "the".
    expect(aligned.words[7]).toMatchObject({ text: "inherit", startMs: 2700, endMs: 4000 });
    // Each paragraph starts a segment, at the time its first word was heard.
    expect(aligned.paragraphStartsMs).toEqual([0, 6800]);
    expect(aligned.segments.map((segment) => [segment.startMs, segment.source])).toEqual([
      [0, "manuscript"],
      [6800, "manuscript"],
    ]);
    expect(aligned).toMatchObject({ droppedSentences: 0, departures: 0 });
  });

  it("drops manuscript sentences that were not spoken", () => {
    const manuscript = parseManuscript(
      "Let us pray. I will tell a story about my grandmother's garden. Amen and amen.",
    );
    const aligned = alignTranscriptToManuscript(manuscript, heard("let us pray | amen and amen"));
    expect(textOf(aligned.words)).toBe("Let us pray. Amen and amen.");
    expect(aligned.droppedSentences).toBe(1);
  });

  it("keeps speech the manuscript lacks as recognised words, marked, from the fallback words", () => {
    const manuscript = parseManuscript(
      "The Lord is my shepherd. He makes me lie down in green pastures.",
    );
    // Biased to the manuscript, the recogniser heard manuscript words for the added sentence;
    // the general one heard it (nearly) as said.
    const biased = heard(
      "the lord is my shepherd | me the lord green is my | he makes me lie down in green pastures",
    );
    const general = heard(
      "the lord is my shepherd | we drove here through rein | he makes me lie down in green pastures",
    );
    const aligned = alignTranscriptToManuscript(manuscript, biased, general);

    expect(textOf(aligned.words)).toBe(
      "The Lord is my shepherd. we drove here through rein He makes me lie down in green pastures.",
    );
    expect(aligned.words.filter((word) => word.source === "recognised").map((w) => w.text)).toEqual(
      ["we", "drove", "here", "through", "rein"],
    );
    expect(aligned.segments.map((segment) => segment.source)).toEqual([
      "manuscript",
      "recognised",
      "manuscript",
    ]);
    expect(aligned.departures).toBe(1);
  });

  it("keeps speech the manuscript lacks that the biased recogniser heard as only two words", () => {
    const manuscript = parseManuscript(
      "The Lord is my shepherd. He makes me lie down in green pastures.",
    );
    // Too few unmatched words from the biased recogniser to make a departure on their own; both
    // recognisers heard the same audio, so their words share its times.
    const biased = [
      ...heard("the lord is my shepherd"),
      ...heard("shepherd lie", 4000),
      ...heard("he makes me lie down in green pastures", 8000),
    ];
    const general = [
      ...heard("the lord is my shepherd"),
      ...heard("we drove here through rein", 4000),
      ...heard("he makes me lie down in green pastures", 8000),
    ];
    const aligned = alignTranscriptToManuscript(manuscript, biased, general);
    expect(textOf(aligned.words)).toBe(
      "The Lord is my shepherd. we drove here through rein He makes me lie down in green pastures.",
    );
    expect(aligned.departures).toBe(1);
  });

  it("puts the recognised words in place of a manuscript sentence the preacher replaced", () => {
    const manuscript = parseManuscript(
      "Grace comes first. We will sing the last hymn together now. Go in peace.",
    );
    const biased = heard("grace comes first | go in grace peace last | go in peace");
    const general = heard("grace comes first | coffee is in the hall | go in peace");
    const aligned = alignTranscriptToManuscript(manuscript, biased, general);
    expect(textOf(aligned.words)).toBe("Grace comes first. coffee is in the hall Go in peace.");
    expect(aligned.droppedSentences).toBe(1);
  });

  it("ignores a short run of mis-heard words inside a kept sentence", () => {
    const manuscript = parseManuscript("Trials test our faith the way fire tests gold.");
    const biased = heard("trials test our the the the fire tests gold");
    const general = heard("trials test hour fate a way fire test gold");
    const aligned = alignTranscriptToManuscript(manuscript, biased, general);
    expect(textOf(aligned.words)).toBe("Trials test our faith the way fire tests gold.");
  });

  it("keeps a paragraph's first sentence whose opening words the recogniser lost", () => {
    const manuscript = parseManuscript(
      "Amen.\n\nTurn with me to Psalm 23. David wrote this psalm as a shepherd.",
    );
    // "Turn with me to" came out as one wrong word: 3 of 7 tokens heard, but in a row.
    const aligned = alignTranscriptToManuscript(
      manuscript,
      heard("amen | the psalm twenty three david wrote this psalm as a shepherd"),
    );
    expect(textOf(aligned.words)).toBe(
      "Amen. Turn with me to Psalm 23. David wrote this psalm as a shepherd.",
    );
    expect(aligned.droppedSentences).toBe(0);
    // The lost words are placed by length just before "Psalm" (heard at 2800): 12 characters
    // at 65 ms, not at "David", a sentence later.
    expect(aligned.paragraphStartsMs).toEqual([0, 2800 - 12 * 65]);
  });

  it("drops a sentence never said whose three words in a row were said among others", () => {
    const manuscript = parseManuscript(
      "Grace comes first. There is a small bridge near the river where the fishermen meet. Go in peace.",
    );
    const said = heard(
      "grace comes first | some of you drove a long way near the river to be here today | go in peace",
    );
    const aligned = alignTranscriptToManuscript(manuscript, said, said);
    expect(textOf(aligned.words)).toBe(
      "Grace comes first. some of you drove a long way near the river to be here today Go in peace.",
    );
    expect(aligned).toMatchObject({ droppedSentences: 1, departures: 1 });
  });

  it("starts a paragraph after the pause, not at a word of its text heard before it", () => {
    const manuscript = parseManuscript(
      "They shall inherit the earth.\n\nThe Lord is good, and his mercy endures.",
    );
    // "earth" was not heard: the "the" before the pause could be either paragraph's.
    const aligned = alignTranscriptToManuscript(
      manuscript,
      heard("they shall inherit the | lord is good and his mercy endures"),
    );
    expect(aligned.words[3]).toMatchObject({ text: "the", startMs: 1200, endMs: 1500 });
    // "The" placed by its length just before "Lord" (heard at 3600), 3 characters at 65 ms.
    expect(aligned.paragraphStartsMs).toEqual([0, 3600 - 3 * 65]);
  });

  it("matches numbers written in digits against the spoken words", () => {
    const manuscript = parseManuscript("Turn to John 3:16 and Psalm 119.");
    const aligned = alignTranscriptToManuscript(
      manuscript,
      heard("turn to john three sixteen and psalm one hundred nineteen"),
    );
    expect(aligned.words.map((word) => [word.text, word.startMs, word.endMs])).toEqual([
      ["Turn", 0, 300],
      ["to", 400, 700],
      ["John", 800, 1100],
      ["3:16", 1200, 1900],
      ["and", 2000, 2300],
      ["Psalm", 2400, 2700],
      ["119.", 2800, 3900],
    ]);
  });

  it("gives a manuscript with nothing heard no words", () => {
    const aligned = alignTranscriptToManuscript(parseManuscript("Amen."), []);
    expect(aligned.words).toEqual([]);
    expect(aligned.paragraphStartsMs).toEqual([undefined]);
  });
});
