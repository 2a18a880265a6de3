import type { CaptionCue } from "./caption-cue";
import { CaptionsRejectedError } from "./captions-rejected-error";

export const MAX_CAPTION_BYTES = 50 * 1024 * 1024;

export type CaptionFormat = "vtt" | "srt";

export interface ParsedCaptions {
  format: CaptionFormat;
  cues: CaptionCue[];
}

// WebVTT: [hh:]mm:ss.ttt; SRT: hh:mm:ss,ttt (players accept '.', so do we).
const VTT_TIME = String.raw`(?:(\d{1,3}):)?([0-5]\d):([0-5]\d)\.(\d{3})`;
const SRT_TIME = String.raw`(\d{1,3}):([0-5]\d):([0-5]\d)[,.](\d{3})`;
const TIMING = {
  vtt: new RegExp(`^${VTT_TIME}[ \\t]+-->[ \\t]+${VTT_TIME}(?:[ \\t]+.*)?$`),
  srt: new RegExp(`^${SRT_TIME}[ \\t]*-->[ \\t]*${SRT_TIME}(?:[ \\t]+.*)?$`),
};
const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Parses an uploaded WebVTT or SRT file into cues, refusing anything we would have to guess
 * about, with the line to look at: binary content, text over 50 MB, malformed or backwards
 * timestamps, overlapping or out-of-order cues, a file without cues.
 */
export function parseCaptions(data: Uint8Array): ParsedCaptions {
  const lines = splitLines(data);
  const format: CaptionFormat = /^\uFEFF?WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? "") ? "vtt" : "srt";
  const cues: (CaptionCue & { line: number })[] = [];
  let index = format === "vtt" ? skipVttHeader(lines) : 0;

  while (index < lines.length) {
    const line = lines[index] ?? "";
    if (line.trim() === "") {
      index++;
      continue;
    }
    if (format === "vtt" && /^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(line)) {
      index = skipBlock(lines, index);
      continue;
    }
    // A cue: an optional identifier (SRT's counter, VTT's id), then the timing line.
    let timingIndex = index;
    if (!line.includes("-->")) timingIndex++;
    const timingLine = lines[timingIndex] ?? "";
    if (!timingLine.includes("-->")) {
      throw new CaptionsRejectedError(
        timingIndex + 1,
        `expected a cue timing such as ${example(format)}, found "${clip(timingLine)}"`,
      );
    }
    const times = parseTiming(timingLine, format);
    if (!times)
      throw new CaptionsRejectedError(
        timingIndex + 1,
        `malformed timestamp "${clip(timingLine)}"; expected ${example(format)}`,
      );
    if (times.endMs <= times.startMs) {
      throw new CaptionsRejectedError(timingIndex + 1, "the cue ends before it starts");
    }
    const previous = cues.at(-1);
    if (previous && times.startMs < previous.endMs) {
      throw new CaptionsRejectedError(
        timingIndex + 1,
        `this cue starts at ${formatMs(times.startMs)}, before the cue on line ${previous.line} ends (${formatMs(previous.endMs)}); cues must not overlap`,
      );
    }
    const textLines: string[] = [];
    index = timingIndex + 1;
    while (index < lines.length && (lines[index] ?? "").trim() !== "") {
      const textLine = lines[index] ?? "";
      if (textLine.includes("-->")) {
        throw new CaptionsRejectedError(
          index + 1,
          "a cue timing inside a cue's text; separate cues with a blank line",
        );
      }
      textLines.push(textLine);
      index++;
    }
    const { text, speaker } = cueText(textLines.join("\n"));
    if (text) cues.push({ ...times, text, speaker, line: timingIndex + 1 });
  }
  if (cues.length === 0)
    throw new CaptionsRejectedError(
      Math.max(1, lines.length),
      "the file has no captions with text",
    );
  return { format, cues: cues.map(({ line: _line, ...cue }) => cue) };
}

/** Splits bytes into lines, refusing binary and oversized content at the line where it shows. */
function splitLines(data: Uint8Array): string[] {
  const lines: string[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i <= data.length; i++) {
    if (i < data.length && data[i] !== 0x0a) continue;
    const raw = data.subarray(start, i);
    const lineNumber = lines.length + 1;
    bytes += raw.length + 1;
    if (bytes > MAX_CAPTION_BYTES) {
      throw new CaptionsRejectedError(
        lineNumber,
        `the file is larger than ${MAX_CAPTION_BYTES / 1024 / 1024} MB of text`,
      );
    }
    let text: string;
    try {
      text = utf8.decode(raw);
    } catch {
      throw new CaptionsRejectedError(
        lineNumber,
        "binary data (not UTF-8 text); upload a .vtt or .srt text file",
      );
    }
    // Control characters other than tab and CR never occur in caption text.
    if (hasControlCharacter(raw)) {
      throw new CaptionsRejectedError(
        lineNumber,
        "binary data (control characters); upload a .vtt or .srt text file",
      );
    }
    lines.push(text.replace(/\r$/, ""));
    start = i + 1;
  }
  return lines;
}

function hasControlCharacter(raw: Uint8Array): boolean {
  return raw.some((byte) => (byte < 0x20 && byte !== 0x09 && byte !== 0x0d) || byte === 0x7f);
}

function skipVttHeader(lines: string[]): number {
  let index = 1;
  while (index < lines.length && (lines[index] ?? "").trim() !== "") index++;
  return index;
}

function skipBlock(lines: string[], index: number): number {
  while (index < lines.length && (lines[index] ?? "").trim() !== "") index++;
  return index;
}

function parseTiming(
  line: string,
  format: CaptionFormat,
): { startMs: number; endMs: number } | undefined {
  const match = TIMING[format].exec(line.trim());
  if (!match) return undefined;
  const toMs = (
    h: string | undefined,
    m: string | undefined,
    s: string | undefined,
    ms: string | undefined,
  ) => ((Number(h ?? 0) * 60 + Number(m)) * 60 + Number(s)) * 1000 + Number(ms);
  return {
    startMs: toMs(match[1], match[2], match[3], match[4]),
    endMs: toMs(match[5], match[6], match[7], match[8]),
  };
}

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  nbsp: " ",
  quot: '"',
  apos: "'",
  lrm: "",
  rlm: "",
};

/** Plain text of a cue: voice tags become the speaker; styling tags, SRT's {\an8} and entities go. */
function cueText(raw: string): { text: string; speaker: string | null } {
  const voice = /<v(?:\.[\w.-]+)?[ \t]+([^>]+)>/.exec(raw);
  const text = raw
    .replace(/<[^>]*>/g, "")
    .replace(/\{\\[^}]*\}/g, "")
    .replace(/&(amp|lt|gt|nbsp|quot|apos|lrm|rlm);/g, (_, name: string) => ENTITIES[name] ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join(" ");
  return { text, speaker: voice?.[1]?.trim() ?? null };
}

const example = (format: CaptionFormat) =>
  format === "vtt" ? "00:01:02.500 --> 00:01:05.000" : "00:01:02,500 --> 00:01:05,000";
const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

export function formatMs(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const rest = ms % 1000;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}.${String(rest).padStart(3, "0")}`;
}
