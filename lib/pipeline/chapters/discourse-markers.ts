/** What a sentence's opening says about the part of the sermon it begins. */
export type MarkerKind = "point" | "application" | "conclusion" | "prayer" | "reading" | "turn";

export interface DiscourseMarker {
  kind: MarkerKind;
  /** How surely it begins a new part: 3 for an announced part, 1 for a mere turn. */
  strength: number;
  /** What follows the marker in the sentence: a point's own words make its title. */
  rest: string;
}

interface Pattern {
  kind: MarkerKind;
  strength: number;
  pattern: RegExp;
}

const ORDINAL = "first|second|third|fourth|fifth|sixth|seventh|final|last|next|main|another";
const PART =
  "point|thing|truth|lesson|observation|principle|mark|reason|question|idea|step|movement|section|key|word|way";
const OPENING = String.raw`^(?:(?:and|so|now|well|okay|ok|alright|all right|then|but)[,\s]+){0,2}`;

// Checked in order; the first that matches names the sentence. Each sits at the opening of a
// sentence (after fillers such as "so" or "now"): said mid-sentence, the same words are prose.
const PATTERNS: Pattern[] = [
  {
    kind: "prayer",
    strength: 3,
    pattern: new RegExp(
      String.raw`${OPENING}(?:let(?:'s| us) (?:pray|bow|close (?:in|with) (?:a word of )?prayer|go to the lord in prayer)|(?:would you |will you |please )?(?:bow|pray) with me|let me pray|i(?:'ll| will) pray|shall we pray|(?:our |heavenly |dear |gracious |almighty |loving )?(?:father|lord)(?: god)?,? (?:we|thank you|thank)\b)`,
      "i",
    ),
  },
  {
    kind: "conclusion",
    strength: 3,
    pattern: new RegExp(
      String.raw`${OPENING}(?:in (?:closing|conclusion|summary)|to (?:conclude|close|sum (?:it )?up|wrap up)|as we (?:close|finish|conclude|come to (?:a close|an end))|let me (?:close|finish|conclude|end)|(?:finally|lastly)\b|one last thing|before we (?:close|finish|go))`,
      "i",
    ),
  },
  {
    kind: "application",
    strength: 3,
    pattern: new RegExp(
      String.raw`${OPENING}(?:so what (?:does|do) (?:this|that|all this|all of this|it) (?:mean|look like)|what does (?:this|that|all this|all of this) (?:mean|look like) for|how (?:do|does|can|should) (?:we|you|this|that|it) (?:apply|live (?:this|it) out)|let(?:'s| us) (?:apply|bring (?:this|it) home)|(?:here is|here's|this is) (?:the|where the) application|by way of application|in terms of application|what (?:difference )?does (?:this|that) (?:make|change)|so what[?!.,])`,
      "i",
    ),
  },
  {
    kind: "point",
    strength: 3,
    pattern: new RegExp(
      String.raw`${OPENING}(?:(?:first|second|third|fourth|fifth|sixth|seventh)(?:ly)?(?:,|:| of all\b| then\b| we\b| notice\b| look\b| consider\b| there\b| this\b| it\b| i\b)|(?:next|last|another)[,:]|(?:my|the|our|a|his|her) (?:${ORDINAL}) (?:${PART})s?\b|point (?:number )?(?:one|two|three|four|five|1|2|3|4|5)\b|number (?:one|two|three|four|five)[,:])`,
      "i",
    ),
  },
  {
    kind: "reading",
    strength: 2,
    pattern: new RegExp(
      String.raw`${OPENING}(?:(?:our|the|this morning's|today's|this evening's|tonight's) (?:reading|text|passage|scripture)\b|(?:please )?(?:turn|open)(?: (?:with me|your bibles?|up))* (?:to|at)\b|hear (?:now )?the word of the lord|let(?:'s| us| me) read\b|(?:i(?:'m| am| will| want to) )?read(?:ing)? (?:from|to you from)\b)`,
      "i",
    ),
  },
  {
    kind: "turn",
    strength: 1.5,
    pattern: new RegExp(
      String.raw`${OPENING}(?:let(?:'s| us| me) (?:turn|move|look|go back|come back|think|consider)\b|(?:this|that) (?:brings|leads|takes) us to\b|(?:which|this) brings me to\b|(?:now )?(?:look|notice|consider) (?:at )?(?:what|how|verse)\b|(?:the|our) (?:next|other) (?:thing|part|scene|section)\b)`,
      "i",
    ),
  },
];

/** The marker a sentence opens with, if any. */
export function findMarker(sentence: string): DiscourseMarker | null {
  const text = sentence.trim();
  for (const { kind, strength, pattern } of PATTERNS) {
    const match = pattern.exec(text);
    if (match) return { kind, strength, rest: text.slice(match[0].length) };
  }
  return null;
}
