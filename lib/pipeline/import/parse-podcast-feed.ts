import { createHash } from "node:crypto";
import { XMLValidator } from "fast-xml-parser";
import { type Episode, parseFeed, PersonGroup, TranscriptType } from "podcast-partytime";
import { logger as partytimeLogger } from "podcast-partytime/dist/logger";
import { htmlToText } from "@/lib/platform/text/html-to-text";
import { FeedRejectedError } from "./feed-rejected-error";
import type { ImportedDetails } from "./imported-sermon";

// partytime logs through pino to stdout (every skipped item, and a whole invalid feed): that
// would interleave with the import CLI's JSON lines and flood server logs.
partytimeLogger.level = "silent";

/**
 * Runs partytime's (synchronous) parse with console.warn silenced: it warns three times for
 * every item without a guid, which we handle, and once per unknown transcript type.
 */
function quietly<T>(parse: () => T): T {
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    return parse();
  } finally {
    console.warn = warn;
  }
}

/** The most of a feed Selah reads: its text is parsed in memory, a whole feed at once. */
export const MAX_FEED_BYTES = 50 * 1024 * 1024;

export type FeedTranscriptType = "vtt" | "srt" | "json";

/** One item of a feed, as the import records it: what its sermon will be made of. */
export interface FeedEntry extends ImportedDetails {
  /** Its identity across imports: the guid, or the enclosure URL when it has none. */
  key: string;
  enclosureUrl: string;
  transcript: { url: string; type: FeedTranscriptType } | null;
}

export interface ParsedFeed {
  title: string;
  /** In the feed's order, each key once. */
  entries: FeedEntry[];
}

// The sermon form's limits (lib/catalog/sermons/sermon-input.ts): imported values fit them.
const MAX_TITLE = 200;
const MAX_DESCRIPTION = 5000;
const MAX_TAGS = 20;
const MAX_TAG = 40;
const MAX_NAME = 120;
const MAX_SERIES = 160;
/** Longer guids are kept by their hash: some feeds use whole URLs with tracking queries. */
const MAX_KEY = 500;

const TRANSCRIPT_TYPES: [TranscriptType, FeedTranscriptType][] = [
  [TranscriptType.VTT, "vtt"],
  [TranscriptType.SRT, "srt"],
  [TranscriptType.JSON, "json"],
];

/**
 * Reads a podcast feed (RSS or Atom, with the iTunes and Podcasting 2.0 namespaces) with
 * podcast-partytime. Malformed XML is refused with the line and column, and so is XML that
 * declares entities (no podcast feed needs them; they are how XML bombs work).
 *
 * Per item: the title; the date from pubDate; the description as plain text; the speaker from
 * the first `podcast:person` of the cast, else `itunes:author` / `author`; the series from the
 * name of its `podcast:season` (a season number alone names no series, and iTunes categories
 * describe the whole podcast, not a series); tags from `itunes:keywords`; a timed transcript
 * (`podcast:transcript` as WebVTT, SRT or JSON, in that order of preference).
 */
export function parsePodcastFeed(xml: string): ParsedFeed {
  const text = xml.replace(/^\uFEFF/, "").trim();
  if (!text) throw new FeedRejectedError("The feed is empty.");
  if (/<!ENTITY/i.test(text))
    throw new FeedRejectedError(
      "The feed declares XML entities (<!ENTITY …>), which Selah does not read.",
    );
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    throw new FeedRejectedError(
      `The feed is not well-formed XML: line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`,
    );
  const feed = quietly(() => parseFeed(text, { allowMissingGuid: true }));
  if (!feed)
    throw new FeedRejectedError(
      "The address holds XML but not a podcast feed (an RSS <channel> or an Atom <feed>).",
    );
  const seen = new Set<string>();
  const entries: FeedEntry[] = [];
  for (const item of feed.items) {
    const entry = toEntry(item);
    if (!entry || seen.has(entry.key)) continue;
    seen.add(entry.key);
    entries.push(entry);
  }
  return { title: feed.title, entries };
}

function toEntry(item: Episode): FeedEntry | null {
  const enclosureUrl = item.enclosure?.url?.trim();
  if (!enclosureUrl) return null;
  const guid = item.guid?.trim();
  const identity = guid || enclosureUrl;
  const description = item.description ? htmlToText(item.description) : "";
  return {
    key:
      identity.length <= MAX_KEY
        ? identity
        : `sha256:${createHash("sha256").update(identity).digest("hex")}`,
    title: clip(item.title?.trim() || description.split("\n")[0] || "Untitled", MAX_TITLE),
    description: description ? clip(description, MAX_DESCRIPTION) : null,
    publishedAt: item.pubDate && !Number.isNaN(item.pubDate.getTime()) ? item.pubDate : null,
    speaker: speakerOf(item),
    series: item.podcastSeason?.name?.trim()
      ? clip(item.podcastSeason.name.trim(), MAX_SERIES)
      : null,
    tags: [...new Set((item.keywords ?? []).map((tag) => tag.slice(0, MAX_TAG)))].slice(
      0,
      MAX_TAGS,
    ),
    enclosureUrl,
    transcript: transcriptOf(item),
  };
}

function speakerOf(item: Episode): string | null {
  const person = item.podcastPeople?.find(
    (one) => one.group === PersonGroup.Cast && one.name?.trim(),
  );
  const name = person?.name ?? nameOfAuthor(item.author);
  return name?.trim() ? clip(name.trim(), MAX_NAME) : null;
}

/** RSS's `author` is often "pastor@example.org (Ruth Okafor)": the name, never the address. */
function nameOfAuthor(author: string | undefined): string | null {
  if (!author) return null;
  const inParentheses = /\(([^)]+)\)\s*$/.exec(author)?.[1];
  if (inParentheses) return inParentheses;
  return /^\S+@\S+$/.test(author.trim()) ? null : author;
}

function transcriptOf(item: Episode): FeedEntry["transcript"] {
  for (const [partytimeType, type] of TRANSCRIPT_TYPES) {
    const found = item.podcastTranscripts?.find((one) => one.type === partytimeType && one.url);
    if (found) return { url: found.url, type };
  }
  return null;
}

const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;
