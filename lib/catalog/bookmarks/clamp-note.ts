import { BOOKMARK_LIMITS } from "./bookmark-limits";

/**
 * A note as it is kept: one line (runs of whitespace, newlines included, become one space, so
 * a note is one list item in the Markdown export), trimmed, and at most
 * BOOKMARK_LIMITS.noteChars code points (never half an emoji). Markup is kept as typed: notes
 * are shown as text and escaped where they are written out.
 */
export function clampNote(note: string): string {
  const line = note.replace(/\s+/gu, " ").trim();
  const points = Array.from(line);
  return points.length <= BOOKMARK_LIMITS.noteChars
    ? line
    : points.slice(0, BOOKMARK_LIMITS.noteChars).join("").trimEnd();
}
