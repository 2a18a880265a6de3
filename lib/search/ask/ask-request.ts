import { z } from "zod";

/** POST /api/ask: a question, answered from one church's sermons or all of them. */
export const askRequestSchema = z.object({
  question: z
    .string()
    .trim()
    .min(3, "expected a question of at least 3 characters")
    .max(500, "expected at most 500 characters"),
  church: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((value) => value || undefined),
});

export type AskRequest = z.output<typeof askRequestSchema>;
