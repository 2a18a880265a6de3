import { parsePassages } from "@/lib/catalog/scripture/parse-passages";
import type { TranscriptSegmentDraft, TranscriptWord } from "@/lib/catalog/transcripts/transcript";
import { findSpokenScripture } from "@/lib/pipeline/transcription/find-spoken-scripture";
import { groupWordsIntoSegments } from "@/lib/pipeline/transcription/group-words-into-segments";
import type { ChapterEvidence } from "@/lib/pipeline/chapters/find-chapters";
import { seededRandom } from "@/test/support/seeded-random";
import { TOPICS, type Topic } from "./topics";

/** How often a part is announced ("my second point…") in a sermon of this style. */
export type MarkerStyle = "announced" | "mixed" | "unannounced";

type PartKind = "intro" | "reading" | "point" | "application" | "conclusion" | "prayer";

export interface GeneratedSermon {
  name: string;
  evidence: ChapterEvidence;
  /** Where each part after the first starts (ms): the boundaries a chapter should start at. */
  boundaries: number[];
  parts: { kind: PartKind; startMs: number; announced: boolean }[];
}

// Sermon shapes: an expository sermon with points, a narrative one, one that reads as it goes.
const STRUCTURES: PartKind[][] = [
  ["intro", "reading", "point", "point", "point", "application", "prayer"],
  ["intro", "reading", "point", "point", "application", "conclusion", "prayer"],
  ["reading", "point", "point", "point", "conclusion"],
  ["intro", "reading", "point", "point", "point", "point", "application", "prayer"],
  ["intro", "point", "point", "application", "prayer"],
];

/** Minutes per part: [least, most]. */
const MINUTES: Record<PartKind, [number, number]> = {
  intro: [1.5, 3],
  reading: [1.5, 3],
  point: [6, 10],
  application: [3, 6],
  conclusion: [1.5, 3],
  prayer: [1, 2.5],
};

const ORDINALS = ["first", "second", "third", "fourth", "fifth"];

const EXPOSITION = [
  "When {n} thinks about {a}, the whole story turns on {c}.",
  "Notice how {a} sits right next to {c} in this passage.",
  "We often imagine {a} is the problem, but the text keeps pointing us to {c}.",
  "The people listening to {n} knew all about {a}.",
  "That is why {a} matters so much to anyone who has wrestled with {c}.",
  "Some of you have known {a} for years, and you wonder where {c} fits.",
  "Think of {a} the way a farmer thinks of the weather.",
  "It is hard to overstate how strange {a} would have sounded to them.",
  "In the ancient world {a} meant something close to {a2}.",
  "The word translated {a} can also carry the sense of {a2}.",
  "Here {n} is not talking about {a} in the abstract.",
  "So {c} is never far from {a}, and {a2} is never far from {c}.",
  "I remember a friend who told me about {a} in her own life.",
  "She said that {a2} was the last thing she expected to find there.",
  "You can hear the surprise in the voice of {n}.",
  "Every time {a} comes up, {n} brings us back to {c}.",
  "This is where {a2} and {c} meet.",
  "Commentators have argued for centuries about {a}.",
  "But the plain reading is simple: {c} answers {a}.",
  "There is a kind of {a} that only {c} can reach.",
  "Picture {n} standing there, surrounded by {a2}.",
  "The detail about {a} is not decoration; it is the point.",
  "If we skip over {a}, we miss what {n} is doing.",
  "We live in a culture that is anxious about {a}.",
  "And into that anxiety the passage speaks of {c}.",
  "Look again at the way {a2} is described.",
  "It is almost as if {a} were a doorway into {c}.",
  "That would have stung anyone who prized {a2}.",
];

const READING = [
  "And {n} said unto them, consider {a} and {c}.",
  "For behold, {a} came upon them, and they were sore afraid.",
  "Then {n} answered and said, truly I say to you, {c} is near.",
  "And it came to pass, when they saw {a2}, that they marvelled.",
  "Hear this, all of you, and understand {c}.",
  "And {n} went forth, and {a} followed after.",
  "Blessed are those who hold fast to {c} in the day of {a}.",
  "And they said one to another, what is this {a2}?",
];

const APPLICATION = [
  "This week you will face {a} at work or at home.",
  "When that happens, remember {c}.",
  "Maybe you need to call someone and talk about {a}.",
  "Ask yourself where {a2} has a hold on you.",
  "Write down one way {c} could change your Monday.",
  "Parents, talk with your children about {a}.",
  "If you are carrying {a2}, you do not have to carry it alone.",
  "Our small groups will spend time on {c} this month.",
  "Try praying about {a} each morning before you check your phone.",
  "Let {c} shape the way you answer the next hard email.",
];

const INTRO = [
  "Good morning, church, it is so good to see you.",
  "A special welcome to anyone visiting with us today.",
  "Before we begin, a quick word about next week's picnic.",
  "This morning we continue our series through the Bible.",
  "I want to start with a question about {a}.",
  "Have you ever noticed how often we talk about {a}?",
  "Last week a neighbour asked me about {c}.",
  "That conversation has stayed with me all week.",
];

const CONCLUSION = [
  "So we have seen {c} from several sides this morning.",
  "The passage does not leave us with {a}; it leaves us with {c}.",
  "Go from here remembering {c}.",
  "And may {a2} never have the last word in your life.",
];

const PRAYER = [
  "Father, we thank you for {c}.",
  "Forgive us for the ways we have trusted {a} instead of you.",
  "Give us courage when {a2} comes.",
  "Help us to live this week as people of {c}.",
  "We ask it in the name of Jesus, amen.",
];

const ANNOUNCED: Record<Exclude<PartKind, "intro" | "point">, string[]> = {
  reading: [
    "Our reading this morning is from {ref}.",
    "Please turn with me to {ref}.",
    "Hear now the word of the Lord from {ref}.",
  ],
  application: [
    "So what does this mean for us?",
    "How do we apply this to our lives?",
    "Let us bring this home.",
  ],
  conclusion: [
    "In closing, let me say this.",
    "Finally, one more thing.",
    "As we close, think back.",
  ],
  prayer: ["Let us pray.", "Would you bow your heads and pray with me.", "Let's pray together."],
};

const UNANNOUNCED_READING = [
  "{ref}.",
  "The story is told in {ref}.",
  "{n} wrote these words, {ref}.",
];
const UNANNOUNCED_PRAYER = ["Lord Jesus, you know our hearts.", "Gracious God, be near to us now."];

function pointOpening(ordinal: number, topic: Topic, pick: <T>(items: T[]) => T, angle: string[]) {
  const word = ORDINALS[ordinal] ?? "next";
  const what = `${pick(angle)} ${pick(["shows us", "points us to", "teaches us about", "is about"])} ${pick(topic.core)}`;
  return pick([
    `${capitalise(word)}, we see that ${what}.`,
    `My ${word} point is that ${what}.`,
    `The ${word} thing to notice is ${pick(angle)}.`,
    `Let's look at ${pick(angle)}.`,
  ]);
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * A sermon of `seed`'s making: a structure, a topic and a marker style picked at random, parts
 * of random lengths written from the topic bank, spoken at about 150 words a minute with
 * natural pauses (a part's start has no longer pause than a sentence's, half the time), then
 * put through the pipeline's own segmenting and spoken-scripture finding. The part starts
 * are the truth.
 */
export function generateSermon(seed: number): GeneratedSermon {
  const random = seededRandom(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const between = (low: number, high: number) => low + random() * (high - low);
  const structure = pick(STRUCTURES);
  const topic = pick(TOPICS);
  const style: MarkerStyle = pick(["announced", "mixed", "unannounced"]);
  const announceChance = { announced: 0.9, mixed: 0.5, unannounced: 0.1 }[style];
  const hasMainPassage = random() < 0.7;

  const words: TranscriptWord[] = [];
  const parts: GeneratedSermon["parts"] = [];
  let clock = 500;
  let points = 0;
  const angles = [...topic.angles].sort(() => random() - 0.5);

  const fill = (template: string, angle: string[]) =>
    template
      .replaceAll("{ref}", topic.passage)
      .replace(/\{(c|a2|a|n)\}/g, (_, slot: string) =>
        slot === "c" ? pick(topic.core) : slot === "n" ? pick(topic.names) : pick(angle),
      );
  const say = (sentence: string) => {
    for (const [i, text] of sentence.split(/\s+/).entries()) {
      if (i > 0) clock += Math.round(between(40, 160));
      const length = Math.round(between(180, 320) + text.length * 12);
      words.push({ startMs: clock, endMs: clock + length, text });
      clock += length;
    }
    clock += Math.round(between(250, 900));
  };

  for (const [index, kind] of structure.entries()) {
    if (index > 0) clock += Math.round(random() < 0.5 ? 0 : between(300, 2200));
    const startMs = clock;
    const announced = index > 0 && random() < announceChance;
    const angle = kind === "point" ? (angles[points % angles.length] ?? topic.core) : topic.core;
    const mixed = [...angle, ...topic.core];
    const sentences: string[] = [];
    if (kind === "point") {
      if (announced) sentences.push(pointOpening(points, topic, pick, angle));
      points++;
    } else if (kind === "reading") {
      sentences.push(fill(pick(announced ? ANNOUNCED.reading : UNANNOUNCED_READING), mixed));
    } else if (kind === "prayer") {
      sentences.push(announced ? pick(ANNOUNCED.prayer) : pick(UNANNOUNCED_PRAYER));
    } else if (kind !== "intro" && announced) {
      sentences.push(pick(ANNOUNCED[kind]));
    }
    const bank = {
      intro: INTRO,
      reading: READING,
      point: EXPOSITION,
      application: APPLICATION,
      conclusion: CONCLUSION,
      prayer: PRAYER,
    }[kind];
    const [low, high] = MINUTES[kind];
    const until = startMs + between(low, high) * 60_000;
    // Mostly the part's own angle, sometimes the passage's core words alone.
    for (const sentence of sentences) say(sentence);
    while (clock < until) say(fill(pick(bank), random() < 0.7 ? angle : topic.core));
    parts.push({ kind, startMs, announced: index === 0 ? false : announced });
  }

  const segments: TranscriptSegmentDraft[] = groupWordsIntoSegments(words);
  const main = hasMainPassage ? parsePassages(topic.passage).passages : [];
  return {
    name: `seed ${seed}: ${topic.passage}, ${structure.join("/")}, ${style}`,
    evidence: {
      durationMs: clock + 1500,
      segments,
      spoken: findSpokenScripture(segments).map((passage) => ({
        text: passage.text,
        atMs: passage.atMs,
        startKey: passage.startKey,
        endKey: passage.endKey,
      })),
      main,
    },
    boundaries: parts.slice(1).map((part) => part.startMs),
    parts,
  };
}
