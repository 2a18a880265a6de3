import type { SermonPageData } from "@/lib/catalog/queries";
import { formatDay, formatDuration } from "@/lib/platform/text/format";
import { momentQuote } from "./moment-quote";

/** What a shared link shows before it is opened: its preview card and its description. */
export interface SharePreview {
  title: string;
  speaker: string | null;
  church: string;
  /** The day it was preached, as listeners read it ("Mar 2, 2025"). */
  date: string | null;
  /** A moment (`?t=`): when, and the words spoken then (null without a transcript). */
  moment: { seconds: number; at: string; quote: string | null } | null;
  /** One or two sentences for og:description and the oEmbed consumer. */
  description: string;
}

const MAX_DESCRIPTION_CHARS = 300;

const clip = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max).replace(/\s+\S*$/, "")}…`;

/**
 * The preview of a sermon, or of one moment of it when `seconds` > 0 (a `?t=` link, already
 * checked by parseStartTime): the quote comes from the stored transcript.
 */
export function sharePreview(page: SermonPageData, seconds: number): SharePreview {
  const { sermon, transcript } = page;
  const speaker = sermon.speaker?.name ?? null;
  const date = sermon.preachedOn ? formatDay(sermon.preachedOn) : null;
  const byline = `${speaker ? `A sermon by ${speaker}` : "A sermon"} at ${sermon.church.name}${date ? `, ${date}` : ""}.`;
  let moment: SharePreview["moment"] = null;
  let description = sermon.description?.replace(/\s+/g, " ").trim() || byline;
  if (seconds > 0) {
    const at = formatDuration(seconds * 1000);
    const quote = transcript ? momentQuote(transcript.segments, seconds) : null;
    moment = { seconds: Math.floor(seconds), at, quote };
    description = quote
      ? `“${quote}” ${speaker ? `— ${speaker}, ` : "— "}at ${at} in “${sermon.title}”.`
      : `Listen from ${at} in “${sermon.title}”. ${byline}`;
  }
  return {
    title: sermon.title,
    speaker,
    church: sermon.church.name,
    date,
    moment,
    description: clip(description, MAX_DESCRIPTION_CHARS),
  };
}
