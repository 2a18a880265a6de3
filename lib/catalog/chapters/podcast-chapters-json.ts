import type { ListenerChapter } from "./chapter-queries";

/** The Podcasting 2.0 JSON chapters format's content type (the feeds' podcast:chapters type). */
export const CHAPTERS_CONTENT_TYPE = "application/json+chapters";

export interface PodcastChaptersJson {
  version: "1.2.0";
  chapters: { startTime: number; title: string }[];
}

/** Chapters as the Podcasting 2.0 JSON chapters file says them: start times in seconds. */
export const toPodcastChaptersJson = (
  chapters: readonly ListenerChapter[],
): PodcastChaptersJson => ({
  version: "1.2.0",
  chapters: chapters.map((chapter) => ({
    startTime: chapter.startMs / 1000,
    title: chapter.title,
  })),
});
