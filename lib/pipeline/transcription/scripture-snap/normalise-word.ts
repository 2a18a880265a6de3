import { spellOutNumbers } from "../spell-out-numbers";

/**
 * A word as the matcher compares it: lower case, apostrophes and punctuation gone, a number
 * as digits whichever way it was written ("Seven," → "7", "twenty-one" → "21"). Empty for
 * punctuation alone.
 */
export function normaliseWord(text: string): string {
  return spellOutNumbers(text.toLowerCase())
    .replace(/['’]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}
