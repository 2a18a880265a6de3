const UNITS = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/**
 * 316 → ["three", "hundred", "sixteen"]: a manuscript writes digits where a preacher says
 * words, and recognisers without smart formatting hear words. Years are read the way people
 * say them (1611 → "sixteen eleven"); past 9,999 the digits are read one by one.
 */
export function numberToWords(value: number): string[] {
  if (!Number.isInteger(value) || value < 0) return [];
  if (value < 20) return [UNITS[value] ?? ""];
  if (value < 100) {
    const tens = TENS[Math.floor(value / 10)] ?? "";
    return value % 10 ? [tens, UNITS[value % 10] ?? ""] : [tens];
  }
  if (value < 1000) {
    const rest = value % 100;
    return [UNITS[Math.floor(value / 100)] ?? "", "hundred", ...(rest ? numberToWords(rest) : [])];
  }
  if (value < 10_000) {
    const high = Math.floor(value / 100);
    const low = value % 100;
    if (value % 1000 === 0) return [...numberToWords(value / 1000), "thousand"];
    if (high % 10 === 0 || low === 0) {
      const rest = value % 1000;
      return [...numberToWords(Math.floor(value / 1000)), "thousand", ...numberToWords(rest)];
    }
    return [...numberToWords(high), ...(low < 10 ? ["oh"] : []), ...numberToWords(low)];
  }
  return String(value)
    .split("")
    .flatMap((digit) => numberToWords(Number(digit)));
}
