import type { SilenceInterval } from "@/lib/pipeline/media/silence-map";

export interface AudioPiece {
  startMs: number;
  endMs: number;
}

export interface PieceLimits {
  durationMs: number;
  /** Either a size limit (bytes of the file and the most one piece may hold)… */
  bytes?: number;
  maxBytes?: number;
  /** …or a number of roughly equal pieces (one per recogniser process). */
  count?: number;
}

// Pieces are estimated from the average bitrate; this keeps a variable-bitrate stretch or
// container overhead from pushing one over the limit.
const SIZE_MARGIN = 0.9;
/** A cut never makes a piece shorter than this share of its target, so pieces stay balanced. */
const MIN_SHARE = 0.5;

/**
 * Where to cut audio so no piece breaks a word: at the middle of a silence (the processing
 * stage's silence map) as late as the target length allows, or at the target itself when a
 * stretch has no silence at all. Returns one piece when no cut is needed.
 */
export function planAudioPieces(
  limits: PieceLimits,
  silences: readonly SilenceInterval[],
): AudioPiece[] {
  const { durationMs } = limits;
  const cuts = silences.map((s) => Math.round((s.startMs + s.endMs) / 2)).sort((a, b) => a - b);
  if (limits.count !== undefined)
    return balancedPieces(durationMs, Math.max(1, limits.count), cuts);
  const targetMs = targetLength(limits);
  if (targetMs >= durationMs) return [{ startMs: 0, endMs: durationMs }];

  const pieces: AudioPiece[] = [];
  let startMs = 0;
  while (durationMs - startMs > targetMs) {
    const latest = startMs + targetMs;
    const earliest = startMs + targetMs * MIN_SHARE;
    const cut = cuts.filter((ms) => ms > earliest && ms <= latest).at(-1) ?? latest;
    pieces.push({ startMs, endMs: cut });
    startMs = cut;
  }
  pieces.push({ startMs, endMs: durationMs });
  return pieces;
}

/** `count` pieces of about equal length, each cut moved to the silence nearest its ideal place. */
function balancedPieces(durationMs: number, count: number, cuts: readonly number[]): AudioPiece[] {
  const share = durationMs / count;
  const boundaries = [0];
  for (let i = 1; i < count; i++) {
    const ideal = Math.round(i * share);
    const nearest = cuts
      .filter(
        (ms) => Math.abs(ms - ideal) <= share * (1 - MIN_SHARE) && ms > (boundaries.at(-1) ?? 0),
      )
      .sort((a, b) => Math.abs(a - ideal) - Math.abs(b - ideal))[0];
    boundaries.push(nearest ?? ideal);
  }
  boundaries.push(durationMs);
  return boundaries.slice(1).map((endMs, i) => ({ startMs: boundaries[i] ?? 0, endMs }));
}

function targetLength({ durationMs, bytes, maxBytes }: PieceLimits): number {
  if (bytes === undefined || maxBytes === undefined || bytes <= maxBytes) return durationMs;
  return Math.max(1000, Math.floor(((maxBytes * SIZE_MARGIN) / bytes) * durationMs));
}
