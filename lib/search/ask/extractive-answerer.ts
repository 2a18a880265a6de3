import { contentWords } from "@/lib/search/embeddings/local-embedder";
import { stemWord } from "@/lib/search/embeddings/stem-word";
import type { Answerer } from "./answerer";

const MAX_SENTENCES = 3;

/**
 * Answers without a language model: the sentences of the best passages that share the most
 * words with the question, quoted with their citation. It can only point at what was said,
 * never combine or explain it, and says so when nothing shares a word with the question.
 */
export function createExtractiveAnswerer(): Answerer {
  return {
    name: "extractive",
    async *answer(question, passages) {
      const wanted = new Set(contentWords(question).map(stemWord));
      const scored = passages.flatMap((passage, order) =>
        sentences(passage.text).map((sentence) => ({
          passage,
          sentence,
          order,
          score: overlap(sentence, wanted),
        })),
      );
      // One shared word ("someone") is chance; ask for two when the question has two to give.
      const enough = Math.min(2, wanted.size);
      const best = scored
        .filter((candidate) => candidate.score >= enough && candidate.score > 0)
        .sort((a, b) => b.score - a.score || a.order - b.order)
        .slice(0, MAX_SENTENCES);
      if (best.length === 0) {
        yield "None of the sermon moments found speak to that directly. Try other words, or search for a verse.";
        return;
      }
      yield "Here is what was said in the sermons that speaks to this most closely:";
      for (const { passage, sentence } of best) {
        yield `\n\n“${sentence}” — ${passage.sermonTitle}${passage.speakerName ? `, ${passage.speakerName}` : ""} [${passage.n}]`;
      }
    },
  };
}

function sentences(text: string): string[] {
  return (text.match(/[^.!?]+[.!?]+["”’]?|[^.!?]+$/g) ?? [])
    .map((s) => s.trim())
    .filter((s) => s.split(/\s+/).length >= 4);
}

function overlap(sentence: string, wanted: ReadonlySet<string>): number {
  const found = new Set(
    contentWords(sentence)
      .map(stemWord)
      .filter((stem) => wanted.has(stem)),
  );
  return found.size;
}
