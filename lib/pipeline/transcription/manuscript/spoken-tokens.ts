import { numberToWords } from "./number-to-words";

/**
 * One written word → the tokens a recogniser would hear for it, for comparing a manuscript with
 * recognised words: lowercase, punctuation dropped (apostrophes inside a word kept), numbers
 * spelled out ("3:16" → three sixteen), hyphenated words split. Empty for pure punctuation.
 */
export function spokenTokens(word: string): string[] {
  return word
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .split(/[-\u2013\u2014:/]+/)
    .flatMap((part) => {
      const cleaned = part.replace(/[^a-z0-9']+/g, "").replace(/^'+|'+$/g, "");
      if (!cleaned) return [];
      const digits = /^\d+$/.exec(cleaned);
      if (digits) return numberToWords(Number(digits[0]));
      const ordinal = /^(\d+)(st|nd|rd|th)$/.exec(cleaned);
      if (ordinal) return numberToWords(Number(ordinal[1]));
      return [cleaned.replace(/\d+/g, (n) => ` ${numberToWords(Number(n)).join(" ")} `).trim()]
        .flatMap((token) => token.split(/\s+/))
        .filter(Boolean);
    });
}
