/** A segment of the current transcript, as stored (with the admin's corrections). */
export interface TranscriptSegmentText {
  startMs: number;
  endMs: number;
  speaker: string | null;
  text: string;
}

/**
 * The Podcasting 2.0 JSON transcript format (podcast:transcript type="application/json"):
 * `{ version, segments: [{ speaker?, startTime, endTime, body }] }`, times in seconds. One
 * entry per segment, the unit listeners tap and admins correct.
 */
export function toPodcastTranscriptJson(segments: readonly TranscriptSegmentText[]) {
  return {
    version: "1.0.0",
    segments: segments.map((segment) => ({
      ...(segment.speaker ? { speaker: segment.speaker } : {}),
      startTime: segment.startMs / 1000,
      endTime: segment.endMs / 1000,
      body: segment.text,
    })),
  };
}
