import { spokenTokens } from "./spoken-tokens";

/** One written word: as the manuscript shows it, and what a recogniser would hear for it. */
export interface ManuscriptWord {
  text: string;
  tokens: string[];
}

export interface ManuscriptSentence {
  words: ManuscriptWord[];
}

export interface ManuscriptParagraph {
  sentences: ManuscriptSentence[];
}

// A sentence ends at . ! or ? (closing quotes and brackets may follow) — not at "v. 3" style
// abbreviations worth worrying about: a split sentence only changes where a departure is judged.
const SENTENCE_END = /[.!?]["'\u201d\u2019)\]]*$/;

/**
 * A manuscript (plain text or Markdown) → paragraphs of sentences of words. Markdown formatting
 * is dropped to the words it shows (headings, emphasis, links, list markers, quotes, code
 * fences, HTML tags); a blank line or a heading ends a paragraph. Words that say nothing
 * (lone punctuation) are dropped.
 */
export function parseManuscript(text: string): ManuscriptParagraph[] {
  const blocks: string[][] = [[]];
  let inFence = false;
  for (const raw of text.replace(/\r\n?/g, "\n").split("\n")) {
    if (/^\s*(```|~~~)/.test(raw)) {
      inFence = !inFence;
      continue;
    }
    const line = inFence ? raw : stripMarkdownLine(raw);
    const isHeading = !inFence && /^\s{0,3}#{1,6}\s/.test(raw);
    const isRule = !inFence && /^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(raw);
    if (!line.trim() || isRule || isHeading) {
      blocks.push([]);
      if (isHeading && line.trim()) blocks.push([line], []);
      continue;
    }
    blocks.at(-1)?.push(line);
  }
  return blocks
    .map((lines) => ({ sentences: splitSentences(lines.join(" ")) }))
    .filter((paragraph) => paragraph.sentences.length > 0);
}

function stripMarkdownLine(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, "")
    .replace(/\s+#+\s*$/, "")
    .replace(/^\s*(>\s*)+/, "")
    .replace(/^\s*([-*+]|\d+[.)])\s+/, "")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]+>/g, "")
    .replace(/(\*\*|__|\*|_|~~|`)(?=\S)([^]*?\S)\1/g, "$2")
    .replace(/`/g, "");
}

function splitSentences(text: string): ManuscriptSentence[] {
  const sentences: ManuscriptSentence[] = [];
  let words: ManuscriptWord[] = [];
  for (const written of text.split(/\s+/)) {
    const tokens = spokenTokens(written);
    if (tokens.length) words.push({ text: written, tokens });
    else if (words.length && written) {
      // Lone punctuation ("—", "–") stays with the word before it.
      const last = words.at(-1);
      if (last) last.text = `${last.text} ${written}`;
    }
    if (words.length && SENTENCE_END.test(written)) {
      sentences.push({ words });
      words = [];
    }
  }
  if (words.length) sentences.push({ words });
  return sentences;
}
