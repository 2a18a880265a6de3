import type { Embedder } from "../embedder";
import { commonWordFactor, contentWords, hashFeatures, lexicalFeatures } from "../local-embedder";
import { baseForm } from "./base-forms";
import type { SemanticLexicon } from "./semantic-lexicon";

const SEMANTIC_EMBEDDING_MODEL = "local-semantic-v1";

// How much a word's concepts count against its own lexical features (whose stem weighs 1).
const CONCEPT_WEIGHT = 1;

/**
 * An offline embedder that captures some meaning: the lexical features of the local
 * embedder plus, for every word, the concepts the semantic lexicon lists for it (WordNet
 * synsets and their neighbours, Nave's topics and the chapters they cite), all hashed into
 * one vector. "Feeling anxious about money" and "worry over riches" then share dimensions
 * although they share no word. The lexicon is loaded (built on first need) once per process.
 */
export function createSemanticEmbedder(
  dimensions: number,
  lexicon: () => Promise<SemanticLexicon>,
): Embedder {
  return {
    model: SEMANTIC_EMBEDDING_MODEL,
    dimensions,
    maxBatchSize: 1024,
    prepare: async () => {
      await lexicon();
    },
    embed: async (texts) => {
      const loaded = await lexicon();
      return texts.map((text) => embedSemantically(text, dimensions, loaded));
    },
  };
}

export function embedSemantically(
  text: string,
  dimensions: number,
  lexicon: SemanticLexicon,
): number[] {
  const features = lexicalFeatures(text);
  const known = (form: string) => Object.hasOwn(lexicon.concepts, form);
  for (const word of contentWords(text)) {
    const base = baseForm(word, known, lexicon.exceptions);
    if (!base) continue;
    const concepts = lexicon.concepts[base]!;
    // Each word spends the same budget on its concepts, however many it has, so a word
    // with thirty senses does not outweigh one with two.
    const norm = Math.sqrt(concepts.reduce((sum, [, weight]) => sum + weight * weight, 0));
    const scale = (CONCEPT_WEIGHT * commonWordFactor(word)) / norm;
    for (const [id, weight] of concepts)
      features.set(`s:${id}`, (features.get(`s:${id}`) ?? 0) + weight * scale);
  }
  return hashFeatures(features, dimensions);
}
