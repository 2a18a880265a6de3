/**
 * What the semantic embedder knows about words, built once from WordNet and Nave's Topical
 * Bible (build-semantic-lexicon.ts) and cached as JSON under the data directory.
 */
export type SemanticLexicon = {
  version: number;
  /** base form → [concept id, weight]: WordNet synsets ("n07524242"), Nave topics ("t:CARE"), chapters ("c:Matt.6") */
  concepts: Record<string, Array<[string, number]>>;
  /** inflected form → base forms, from WordNet's exception lists */
  exceptions: Record<string, string[]>;
};

/** Bump when the build changes what the lexicon holds: a cached older one is then rebuilt. */
export const SEMANTIC_LEXICON_VERSION = 1;
