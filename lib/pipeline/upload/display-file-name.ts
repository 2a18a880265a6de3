// Bidirectional overrides, embeddings, isolates and marks reorder what follows them:
// "evil\u202Eexe.mp3" displays as "evil3pm.exe". Control characters can break a message's line.
const REORDERING_OR_CONTROL = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
const MAX_SHOWN_CHARS = 80;

/** A browser-supplied file name, safe to quote back in a message: it reads as it is stored. */
export function displayFileName(fileName: string): string {
  const shown = fileName.replace(REORDERING_OR_CONTROL, "").trim() || "unnamed file";
  return shown.length <= MAX_SHOWN_CHARS ? shown : `${shown.slice(0, MAX_SHOWN_CHARS - 1)}…`;
}
