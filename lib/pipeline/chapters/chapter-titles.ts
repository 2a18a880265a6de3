import { MAX_CHAPTER_TITLE } from "@/lib/catalog/chapters/chapter-limits";
import { isTopicWord, stem, wordsOf } from "./words";

const MAX_WORDS = 8;
// What comes between a point's marker and the point itself: "my first point is that…".
const LEAD_IN =
  /^(?:\s|[,:;-])*(?:to (?:notice|see|remember|understand|know|learn)\s+)?(?:(?:is|was|will be|would be)\s+)?(?:(?:simply|this|that|here|just)\s*[,:]?\s+)*(?:(?:(?:we|you|i) (?:see|learn|notice|find|discover|read)|notice|see|remember|consider|look at|the text (?:says|shows|tells us)|(?:it|this) (?:is|says)|to|at|on|back to)\b\s*(?:that|how|what)?\s*)?/i;
const FILLER_START = /^(?:(?:and|so|now|well|but|then|that|to)\b[,\s]*)+/i;

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * A title from the words after a marker ("Second, we see that grace changes how we live." →
 * "Grace changes how we live"): the first clause, up to eight words. Null when too little is
 * left to name anything.
 */
export function titleFromSentence(rest: string): string | null {
  const stripped = rest.replace(LEAD_IN, "").replace(FILLER_START, "").trim();
  const clause = stripped.split(/[,;:.?!()"“”—–]| - /)[0]?.trim() ?? "";
  const words = clause.split(/\s+/).filter(Boolean);
  if (words.length < 2 || !words.some((word) => isTopicWord(word.toLowerCase()))) return null;
  const title = words.slice(0, MAX_WORDS).join(" ");
  return capitalise(title).slice(0, MAX_CHAPTER_TITLE);
}

/**
 * A title from the words a stretch of the sermon uses more than the rest of it does
 * ("Shepherd, sheep and voice"), or null when none stands out.
 */
export function titleFromSalientWords(part: string, whole: string): string | null {
  const count = (text: string) => {
    const counts = new Map<string, number>();
    const surfaces = new Map<string, Map<string, number>>();
    for (const word of wordsOf(text).filter(isTopicWord)) {
      const key = stem(word);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      const forms = surfaces.get(key) ?? new Map<string, number>();
      forms.set(word, (forms.get(word) ?? 0) + 1);
      surfaces.set(key, forms);
    }
    return { counts, surfaces, total: [...counts.values()].reduce((a, b) => a + b, 0) };
  };
  const inPart = count(part);
  const inWhole = count(whole);
  if (inPart.total === 0) return null;
  const ranked = [...inPart.counts]
    .filter(([, n]) => n >= 2)
    .map(([key, n]) => {
      const rateHere = n / inPart.total;
      const rateEverywhere = (inWhole.counts.get(key) ?? n) / Math.max(1, inWhole.total);
      return { key, score: n * Math.log(1 + rateHere / rateEverywhere) };
    })
    .sort((a, b) => b.score - a.score || a.key.localeCompare(b.key))
    .slice(0, 3)
    .map(
      ({ key }) =>
        [...inPart.surfaces.get(key)!].sort(
          (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
        )[0]![0],
    );
  if (ranked.length === 0) return null;
  const listed =
    ranked.length === 1 ? ranked[0]! : `${ranked.slice(0, -1).join(", ")} and ${ranked.at(-1)}`;
  return capitalise(listed).slice(0, MAX_CHAPTER_TITLE);
}
