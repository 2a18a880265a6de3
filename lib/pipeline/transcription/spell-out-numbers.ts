const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const NUMBER_WORD = new RegExp(
  `\\b(?:${[...Object.keys(UNITS), ...Object.keys(TENS), "hundred"].join("|")})(?:(?:[\\s-]+(?:and[\\s-]+)?)(?:${[
    ...Object.keys(UNITS),
    ...Object.keys(TENS),
    "hundred",
  ].join("|")}))*\\b`,
  "gi",
);

/**
 * "John chapter three verse sixteen" → "John chapter 3 verse 16": recognisers without smart
 * formatting spell numbers out, and the passage parser reads digits. Handles 0–999, which
 * covers every chapter and verse ("one hundred and nineteen" → 119).
 */
export function spellOutNumbers(text: string): string {
  return text.replace(NUMBER_WORD, (phrase) => {
    const value = wordsToNumber(phrase);
    return value === undefined ? phrase : String(value);
  });
}

function wordsToNumber(phrase: string): number | undefined {
  let total = 0;
  let current = 0;
  for (const word of phrase.toLowerCase().split(/[\s-]+/)) {
    if (word === "and") continue;
    if (word === "hundred") {
      current = (current || 1) * 100;
    } else if (word in TENS) {
      if (current % 100 !== 0) return undefined; // "five twenty": two numbers, not one
      current += TENS[word] ?? 0;
    } else {
      const unit = UNITS[word] ?? 0;
      if (current % 10 !== 0 || (current % 100 !== 0 && unit >= 10)) return undefined;
      current += unit;
    }
  }
  total += current;
  return total;
}
