import type { CaptionCue } from "./caption-cue";
import { formatMs } from "./parse-captions";

export const MAX_LINE_CHARS = 65;
const MAX_LINES_PER_CUE = 2;

/**
 * Captions as WebVTT: no line longer than 65 characters and at most two lines on screen, so
 * a long sentence becomes several cues, each timed by its share of the sentence's characters.
 * Speakers become voice tags (`<v Speaker 1>`), which players show or style; the limit
 * counts the file's own lines, tags and escapes included.
 */
export function writeWebVtt(cues: readonly CaptionCue[]): string {
  const blocks: string[] = ["WEBVTT"];
  for (const cue of cues) {
    // The voice tag shares the first line of each cue, so it counts towards the width.
    const voice = cue.speaker ? `<v ${escapeText(cue.speaker)}>` : "";
    const lines = wrapText(escapeText(cue.text), MAX_LINE_CHARS - voice.length);
    const groups: string[][] = [];
    for (let i = 0; i < lines.length; i += MAX_LINES_PER_CUE)
      groups.push(lines.slice(i, i + MAX_LINES_PER_CUE));
    const totalChars = lines.reduce((sum, line) => sum + line.length, 0) || 1;
    let startMs = cue.startMs;
    let charsBefore = 0;
    for (const [index, group] of groups.entries()) {
      charsBefore += group.reduce((sum, line) => sum + line.length, 0);
      const endMs =
        index === groups.length - 1
          ? cue.endMs
          : cue.startMs + Math.round(((cue.endMs - cue.startMs) * charsBefore) / totalChars);
      if (endMs <= startMs) continue;
      blocks.push(`${formatMs(startMs)} --> ${formatMs(endMs)}\n${voice}${group.join("\n")}`);
      startMs = endMs;
    }
  }
  return `${blocks.join("\n\n")}\n`;
}

/** Greedy word wrap; a single word longer than a line is split. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (let word of text.split(/\s+/).filter(Boolean)) {
    while (word.length > width) {
      if (line) lines.push(line);
      lines.push(word.slice(0, width));
      word = word.slice(width);
      line = "";
    }
    if (!word) continue;
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

const escapeText = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
