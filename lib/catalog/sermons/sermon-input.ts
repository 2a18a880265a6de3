import { z } from "zod";

const optionalId = z
  .string()
  .trim()
  .transform((value) => value || null);

/** A manuscript's size limit: a long sermon's manuscript is 50–100 KB of text. */
export const MAX_MANUSCRIPT_BYTES = 200_000;

/** NUL and the other control characters text never has (tab, newlines and form feed aside). */
const hasControlCharacters = (text: string) =>
  [...text].some((char) => {
    const code = char.charCodeAt(0);
    return code < 32 && ![9, 10, 11, 12, 13].includes(code);
  });

const DATE = /^\d{4}-\d{2}-\d{2}$/;
function isCalendarDay(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export const sermonInputSchema = z
  .object({
    title: z
      .string()
      .trim()
      .min(1, "Give the sermon a title.")
      .max(200, "Keep the title under 200 characters."),
    speakerId: optionalId,
    seriesId: optionalId,
    preachedOn: z
      .string()
      .trim()
      .refine((value) => value === "" || DATE.test(value), "Use a date like 2026-11-22.")
      // Date would quietly roll 2026-02-30 over to 2 March.
      .refine(
        (value) => !DATE.test(value) || isCalendarDay(value),
        "There is no such day; use a date like 2026-11-22.",
      )
      .transform((value) => (value ? new Date(`${value}T00:00:00Z`) : null)),
    description: z
      .string()
      .trim()
      .max(5000, "Keep the description under 5,000 characters.")
      .default(""),
    tags: z
      .string()
      .default("")
      .transform((value) => [
        ...new Set(
          value
            .split(",")
            .map((tag) => tag.trim())
            .filter(Boolean),
        ),
      ])
      .refine((tags) => tags.length <= 20, "Use at most 20 tags.")
      .refine(
        (tags) => tags.every((tag) => tag.length <= 40),
        "Keep each tag under 40 characters.",
      ),
    // Absent: left as it is (the admin API's sermon fields have none); empty: removed.
    manuscript: z
      .string()
      .optional()
      .transform((value) => (value === undefined ? undefined : value.trim() || null))
      .refine(
        (value) => !value || Buffer.byteLength(value, "utf8") <= MAX_MANUSCRIPT_BYTES,
        `Keep the manuscript under ${MAX_MANUSCRIPT_BYTES / 1000} KB of text; leave out notes that were not preached.`,
      )
      .refine(
        // NUL and other control characters: a binary file (a .docx or .pdf) pasted or chosen.
        (value) => !value || !hasControlCharacters(value),
        "The manuscript must be plain text or Markdown; save a Word or PDF file as text first.",
      ),
    scripture: z.string().trim().max(500, "Keep the references under 500 characters.").default(""),
    publishState: z.enum(["draft", "scheduled", "published"], {
      message: "Choose draft, scheduled or published.",
    }),
    publishAt: z
      .string()
      .trim()
      .default("")
      .transform((value) => (value ? new Date(value) : null))
      .refine(
        (date) => date === null || !Number.isNaN(date.getTime()),
        "Use a valid date and time.",
      ),
  })
  .superRefine((input, ctx) => {
    if (input.publishState !== "scheduled") return;
    if (!input.publishAt)
      ctx.addIssue({ code: "custom", path: ["publishAt"], message: "Choose when to publish." });
    else if (input.publishAt.getTime() <= Date.now()) {
      ctx.addIssue({
        code: "custom",
        path: ["publishAt"],
        message: "A scheduled time must be in the future.",
      });
    }
  });

type ParsedSermonInput = z.output<typeof sermonInputSchema>;
/** A sermon's fields as saved; without `manuscript` the manuscript is left as it is. */
export type SermonInput = Omit<ParsedSermonInput, "manuscript"> &
  Partial<Pick<ParsedSermonInput, "manuscript">>;

/** The sermon form's fields as it sends them when each is left empty (a new sermon). */
export const EMPTY_SERMON_FORM = {
  title: "",
  speakerId: "",
  seriesId: "",
  preachedOn: "",
  description: "",
  tags: "",
  scripture: "",
  publishState: "draft",
  publishAt: "",
  manuscript: "",
} as const;
