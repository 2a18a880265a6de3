/** Markup that stands between words: a line, a paragraph, a footnote taken out. */
const SEPARATING_TAG = /<\/?(?:l|lg|lb|div|p|milestone|chapter|item|list|speaker)\b[^>]*>/g;
const REMOVED_WITH_CONTENT = /<(note|title)\b[^>]*>[\s\S]*?<\/\1>|<(?:note|title)\b[^>]*\/>/g;
const ANY_TAG = /<[^>]+>/g;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * A verse as it is read aloud, from a SWORD module's OSIS: footnotes and headings (psalm
 * superscriptions included; a reader rarely says them) go, word markup (Strong's numbers, the
 * divine name, translators' additions) keeps its words, and the KJV's paragraph sign goes.
 */
export function osisToPlainText(osis: string): string {
  return osis
    .replace(REMOVED_WITH_CONTENT, " ")
    .replace(SEPARATING_TAG, " ")
    .replace(ANY_TAG, "")
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name] ?? "")
    .replace(/¶/g, " ")
    .replace(/\s+/g, " ")
    .replace(/\s+([,.;:!?’”)])/g, "$1")
    .trim();
}
