/**
 * What a moment is about beyond its own words: the sermon's title, speaker and main passage.
 * Stored as Chunk.context and embedded with the text (so "the sermon on Romans 8" finds its
 * moments), but never shown as the snippet.
 */
export function momentContext(sermon: {
  title: string;
  speakerName: string | null;
  mainPassage: string | null;
}): string {
  return [sermon.title, sermon.speakerName, sermon.mainPassage].filter(Boolean).join(" · ");
}

/** The text an embedder sees for a moment. */
export const embeddingInput = (context: string | null, text: string): string =>
  context ? `${context}\n\n${text}` : text;
