/** A segment's span and confidence, as stored. */
export type TimedConfidence = { startMs: number; endMs: number; confidence: number | null };

/**
 * A moment's confidence: that of the segments inside its span, weighted by how long each is,
 * so one mumbled aside does not sink a clear minute. Null when none was measured (uploaded
 * captions, or a transcript stored before confidence was kept): search then leaves it as it is.
 */
export function momentConfidence(
  segments: readonly TimedConfidence[],
  moment: { startMs: number; endMs: number },
): number | null {
  let weighted = 0;
  let total = 0;
  for (const segment of segments) {
    if (segment.confidence === null) continue;
    if (segment.startMs < moment.startMs || segment.endMs > moment.endMs) continue;
    const duration = Math.max(1, segment.endMs - segment.startMs);
    weighted += segment.confidence * duration;
    total += duration;
  }
  return total > 0 ? weighted / total : null;
}
