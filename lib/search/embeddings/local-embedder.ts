import type { Embedder } from "./embedder";
import { stemWord } from "./stem-word";
import { SERMON_COMMON_WORDS, STOP_WORDS } from "./stop-words";

const LOCAL_EMBEDDING_MODEL = "local-hash-v1";

// Relative weights of the three feature kinds. Whole stems carry the topic; character
// trigrams make near spellings and inflections meet; stem pairs reward shared phrases.
const STEM_WEIGHT = 1;
const TRIGRAM_WEIGHT = 0.35;
const PAIR_WEIGHT = 0.5;
const COMMON_WORD_FACTOR = 0.3;

/**
 * An offline, deterministic embedder with nothing to download: feature hashing of stemmed
 * words, character trigrams of each word and adjacent stem pairs into `dimensions` buckets
 * (signed, so collisions cancel on average instead of piling up), sub-linear term
 * frequency, L2-normalised so cosine distance is meaningful.
 *
 * What it captures is lexical: shared words, shared word parts and shared phrases. It knows
 * no synonyms ("pardon" and "forgive" share nothing), so paraphrases that reuse none of the
 * words score low. The search eval (npm run eval:search) shows where that leaves it.
 */
export function createLocalEmbedder(dimensions: number): Embedder {
  return {
    model: LOCAL_EMBEDDING_MODEL,
    dimensions,
    maxBatchSize: 1024,
    embed: async (texts) => texts.map((text) => embedLocally(text, dimensions)),
  };
}

export function embedLocally(text: string, dimensions: number): number[] {
  return hashFeatures(lexicalFeatures(text), dimensions);
}

/** The lexical features of a text (stems, trigrams, stem pairs) with their summed weights. */
export function lexicalFeatures(text: string): Map<string, number> {
  const features = new Map<string, number>();
  const add = (feature: string, weight: number) =>
    features.set(feature, (features.get(feature) ?? 0) + weight);

  const words = contentWords(text);
  const stems = words.map(stemWord);
  stems.forEach((stem, index) => {
    const factor = commonWordFactor(words[index]!);
    add(`w:${stem}`, STEM_WEIGHT * factor);
    const grams = trigrams(stem);
    for (const gram of grams) add(`c:${gram}`, (factor * TRIGRAM_WEIGHT) / Math.sqrt(grams.length));
    const next = stems[index + 1];
    if (next) add(`p:${stem} ${next}`, PAIR_WEIGHT);
  });
  return features;
}

/** Words every sermon says count a fraction of the others. */
export const commonWordFactor = (word: string) =>
  SERMON_COMMON_WORDS.has(word) ? COMMON_WORD_FACTOR : 1;

/**
 * Feature hashing into `dimensions` buckets, signed so collisions cancel on average, with
 * sub-linear weights, L2-normalised so cosine distance is meaningful.
 */
export function hashFeatures(features: Map<string, number>, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const [feature, weight] of features) {
    const hash = fnv1a(feature);
    const bucket = hash % dimensions;
    const sign = fnv1a(feature, 0x9747b28c) & 1 ? 1 : -1;
    // log(1 + tf): a word said ten times is not ten times the topic.
    vector[bucket]! += sign * Math.log1p(weight);
  }
  return normalise(vector);
}

export function contentWords(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/['’]/g, "")
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).filter((word) => !STOP_WORDS.has(word));
}

function trigrams(word: string): string[] {
  const padded = `#${word}#`;
  const grams: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) grams.push(padded.slice(i, i + 3));
  return grams;
}

/** 32-bit FNV-1a: small, fast and the same on every machine. */
function fnv1a(input: string, seed = 0x811c9dc5): number {
  let hash = seed;
  for (let i = 0; i < input.length; i++) {
    hash ^= input.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function normalise(vector: number[]): number[] {
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
  // An empty text still needs a valid direction: cosine distance to a zero vector is NaN.
  if (norm === 0) return vector.map((_, i) => (i === 0 ? 1 : 0));
  return vector.map((value) => value / norm);
}
