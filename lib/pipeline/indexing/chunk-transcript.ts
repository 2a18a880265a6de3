/** A transcript segment as stored (TranscriptSegment), in order. */
export type TranscriptSegmentInput = {
  startMs: number;
  endMs: number;
  text: string;
  speaker?: string | null;
};

/** A searchable moment: consecutive segments merged, with the time span a listener jumps to. */
export type Moment = { position: number; startMs: number; endMs: number; text: string };

export type ChunkingOptions = {
  /** A moment is closed once it is at least this long and a segment boundary comes. */
  minMs: number;
  /** A moment never grows past this, unless one segment alone is longer. */
  maxMs: number;
};

export const DEFAULT_CHUNKING: ChunkingOptions = { minMs: 30_000, maxMs: 90_000 };

/**
 * Groups segments into moments of roughly minMs–maxMs, cutting only on segment boundaries so
 * a moment starts where a sentence or paragraph starts (that is where playback lands). A
 * trailing scrap shorter than half of minMs joins the moment before it when that stays
 * within maxMs, so the last words of a sermon are not a moment of their own.
 */
export function chunkTranscript(
  segments: readonly TranscriptSegmentInput[],
  options: ChunkingOptions = DEFAULT_CHUNKING,
): Moment[] {
  const groups: TranscriptSegmentInput[][] = [];
  let current: TranscriptSegmentInput[] = [];
  for (const segment of segments) {
    if (!segment.text.trim()) continue;
    const first = current[0];
    if (first && segment.endMs - first.startMs > options.maxMs) {
      groups.push(current);
      current = [];
    }
    current.push(segment);
    const start = current[0]!;
    if (segment.endMs - start.startMs >= options.minMs) {
      groups.push(current);
      current = [];
    }
  }
  if (current.length > 0) {
    const previous = groups.at(-1);
    const spanMs = current.at(-1)!.endMs - current[0]!.startMs;
    const merged = previous && current.at(-1)!.endMs - previous[0]!.startMs <= options.maxMs;
    if (previous && merged && spanMs < options.minMs / 2) previous.push(...current);
    else groups.push(current);
  }
  return groups.map((group, position) => ({
    position,
    startMs: group[0]!.startMs,
    endMs: group.at(-1)!.endMs,
    text: group.map((segment) => segment.text.trim()).join(" "),
  }));
}
