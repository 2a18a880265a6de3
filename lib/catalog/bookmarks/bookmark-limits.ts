/**
 * How much a listener may bookmark. Notes are a line to jog the memory, not an essay; the caps
 * keep one account (or a script with its cookie) from filling the table: a sermon with more
 * than a thousand marks has no marks left worth finding.
 */
export const BOOKMARK_LIMITS = {
  /** Characters (code points) of a note kept; the rest is cut off. */
  noteChars: 500,
  perSermon: 1_000,
  total: 10_000,
  /** A JSON body with a 500-character note, even one escaped as \uXXXX pairs, fits easily. */
  maxBodyBytes: 16 * 1024,
} as const;
