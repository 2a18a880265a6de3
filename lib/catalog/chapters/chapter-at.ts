import type { ListenerChapter } from "./chapter-queries";

/** The chapter playing at `ms` (chapters in order): the last to start by then; -1 before the first. */
export function chapterIndexAt(chapters: readonly ListenerChapter[], ms: number): number {
  let found = -1;
  for (const [index, chapter] of chapters.entries()) {
    if (chapter.startMs > ms) break;
    found = index;
  }
  return found;
}
