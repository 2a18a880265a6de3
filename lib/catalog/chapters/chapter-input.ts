import { z } from "zod";
import { MAX_CHAPTER_TITLE } from "./chapter-limits";

/**
 * "m:ss", "mm:ss" or "h:mm:ss" (what the chapter list shows) as ms; undefined for anything
 * else. Minutes may exceed 59 without hours ("75:00"), as people type them.
 */
export function parseChapterStart(value: string): number | undefined {
  const text = value.trim();
  const match = /^(?:(\d{1,2}):([0-5]\d)|(\d{1,3})):([0-5]\d)$/.exec(text);
  if (!match) return undefined;
  const [, hours, minutesWithHours, minutes, seconds] = match;
  const totalMinutes =
    hours !== undefined ? Number(hours) * 60 + Number(minutesWithHours) : Number(minutes);
  return (totalMinutes * 60 + Number(seconds)) * 1000;
}

const title = z
  .string()
  .trim()
  .min(1, "A chapter needs a title.")
  .max(MAX_CHAPTER_TITLE, `Keep the title to ${MAX_CHAPTER_TITLE} characters.`);

const start = z.string().transform((value, context) => {
  const ms = parseChapterStart(value);
  if (ms === undefined) {
    context.addIssue({
      code: "custom",
      message:
        "Write the start as minutes and seconds (12:30) or hours, minutes and seconds (1:02:05).",
    });
    return z.NEVER;
  }
  return ms;
});

/** The admin's form for a new chapter. */
export const newChapterSchema = z.object({
  sermonId: z.string().min(1),
  title,
  start,
});

/** The admin's form for a chapter: its title and start (a rename, a move, or both). */
export const chapterChangeSchema = newChapterSchema.extend({ chapterId: z.string().min(1) });

/** The admin's delete button. */
export const chapterRefSchema = z.object({
  sermonId: z.string().min(1),
  chapterId: z.string().min(1),
});

export type NewChapter = z.output<typeof newChapterSchema>;
export type ChapterChange = z.output<typeof chapterChangeSchema>;
export type ChapterRef = z.output<typeof chapterRefSchema>;
