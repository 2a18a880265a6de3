import { HIGHLIGHT_END, HIGHLIGHT_START } from "./chunk-sql";

export type SnippetPart = { text: string; isHighlight: boolean };

/** ts_headline's marked text as parts, so the UI renders <mark> without injecting HTML. */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const piece of marked.split(HIGHLIGHT_START)) {
    const end = piece.indexOf(HIGHLIGHT_END);
    if (end === -1) {
      if (piece) parts.push({ text: piece, isHighlight: false });
      continue;
    }
    parts.push({ text: piece.slice(0, end), isHighlight: true });
    const rest = piece.slice(end + HIGHLIGHT_END.length);
    if (rest) parts.push({ text: rest, isHighlight: false });
  }
  return parts;
}
