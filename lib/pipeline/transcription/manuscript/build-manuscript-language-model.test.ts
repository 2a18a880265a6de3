import { describe, expect, it } from "vitest";
import { buildManuscriptLanguageModel } from "./build-manuscript-language-model";

interface Model {
  counts: number[];
  grams: Map<string, { p: number; backoff: number }>;
}

function readArpa(text: string): Model {
  const counts = [...text.matchAll(/^ngram \d=(\d+)$/gm)].map((match) => Number(match[1]));
  const grams = new Map<string, { p: number; backoff: number }>();
  for (const line of text.split("\n")) {
    const fields = line.split(" ");
    if (fields.length < 2 || Number.isNaN(Number(fields[0]))) continue;
    const order = line.match(/^-?[\d.]+ /) ? fields.length - 1 : 0;
    const hasBackoff = !Number.isNaN(Number(fields.at(-1))) && order > 1;
    const words = fields.slice(1, hasBackoff ? -1 : undefined);
    grams.set(words.join(" "), {
      p: 10 ** Number(fields[0]),
      backoff: hasBackoff ? 10 ** Number(fields.at(-1)) : 1,
    });
  }
  return { counts, grams };
}

/** P(word | history) the way a decoder reads an ARPA back-off model. */
function probability(model: Model, history: string[], word: string): number {
  const exact = model.grams.get([...history, word].join(" "));
  if (exact) return exact.p;
  if (!history.length) return 0;
  const backoff = model.grams.get(history.join(" "))?.backoff ?? 1;
  return backoff * probability(model, history.slice(1), word);
}

describe("buildManuscriptLanguageModel", () => {
  const sentences = [
    ["the", "lord", "is", "my", "shepherd"],
    ["the", "lord", "is", "good"],
    ["my", "cup", "runneth", "over"],
  ];
  const model = readArpa(buildManuscriptLanguageModel(sentences));
  const vocabulary = [...new Set([...sentences.flat(), "</s>"])];

  it("writes every n-gram of the text, counted in the header", () => {
    expect(model.counts).toEqual([vocabulary.length + 1, model.counts[1], model.counts[2]]);
    expect(model.grams.has("the lord is")).toBe(true);
    expect(model.grams.has("<s> my cup")).toBe(true);
    expect(model.grams.has("good </s>")).toBe(true);
  });

  it("is a proper distribution after any history, with the manuscript's next word most likely", () => {
    for (const history of [["the", "lord"], ["lord", "is"], ["my"], ["over"], ["<s>", "the"]]) {
      const total = vocabulary.reduce((sum, word) => sum + probability(model, history, word), 0);
      expect(total).toBeCloseTo(1, 4);
    }
    const afterLordIs = vocabulary.map((word) => [word, probability(model, ["lord", "is"], word)]);
    const best = afterLordIs.sort((a, b) => Number(b[1]) - Number(a[1])).slice(0, 2);
    expect(best.map(([word]) => word).sort()).toEqual(["good", "my"]);
  });

  it("leaves out words with no pronunciation, and refuses a text with no words", () => {
    const text = buildManuscriptLanguageModel(sentences, new Set(["the", "lord", "is", "good"]));
    expect(text).not.toMatch(/shepherd|cup/);
    expect(() => buildManuscriptLanguageModel([["x"]], new Set())).toThrow(/no words/);
  });
});
