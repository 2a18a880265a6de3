import { normaliseWord } from "./normalise-word";

/**
 * A verse's words as printed (punctuation attached) and as compared. A token that is only
 * punctuation ("—") joins the word before it, so the two lists stay the same length.
 */
export function tokeniseVerse(text: string): { printed: string[]; normal: string[] } {
  const printed: string[] = [];
  const normal: string[] = [];
  for (const token of text.split(/\s+/)) {
    if (!token) continue;
    const word = normaliseWord(token);
    if (!word && printed.length) printed[printed.length - 1] += ` ${token}`;
    else if (word) {
      printed.push(token);
      normal.push(word);
    }
  }
  return { printed, normal };
}
