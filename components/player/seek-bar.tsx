"use client";

import { formatDuration } from "@/lib/platform/text/format";

/** The seek slider with the time played and the length beneath it. */
export function SeekBar({
  currentTime,
  duration,
  onSeek,
}: {
  currentTime: number;
  duration: number;
  onSeek: (seconds: number) => void;
}) {
  return (
    <>
      <input
        type="range"
        aria-label="Seek"
        min={0}
        max={Math.max(1, Math.round(duration))}
        step={1}
        value={Math.round(currentTime)}
        onChange={(event) => onSeek(Number(event.target.value))}
        className="mt-1 w-full accent-amber-600"
      />
      <div className="flex justify-between text-xs tabular-nums text-stone-500">
        <span data-testid="current-time">{formatDuration(currentTime * 1000)}</span>
        <span>{duration > 0 ? formatDuration(duration * 1000) : "–:––"}</span>
      </div>
    </>
  );
}
