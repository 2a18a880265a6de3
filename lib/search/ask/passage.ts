import type { MomentHit } from "@/lib/search/search-moments";
import { formatDuration } from "@/lib/platform/text/format";

/** A moment an answer may cite, numbered as the answer cites it: [1], [2]… */
export type Citation = {
  n: number;
  sermonId: string;
  sermonTitle: string;
  speakerName: string | null;
  churchName: string;
  mainPassage: string | null;
  /** "12:34" */
  at: string;
  startMs: number;
  /** Where the moment ends: "Play the answer" plays each from its start to here. */
  endMs: number;
  href: string;
  text: string;
};

export function toCitations(hits: readonly MomentHit[]): Citation[] {
  return hits.map((hit, index) => ({
    n: index + 1,
    sermonId: hit.sermonId,
    sermonTitle: hit.sermonTitle,
    speakerName: hit.speakerName,
    churchName: hit.churchName,
    mainPassage: hit.mainPassage,
    at: formatDuration(hit.startMs),
    startMs: hit.startMs,
    endMs: hit.endMs,
    href: hit.href,
    text: hit.text,
  }));
}
