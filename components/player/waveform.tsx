"use client";

import { useEffect, useMemo, useState } from "react";

interface WaveformPeaks {
  bucketMs: number;
  min: number[];
  max: number[];
}

const BAR_COUNT = 100;

/** Peaks folded into a fixed number of bars, 0–1 each, so any length draws the same width. */
function toBars(peaks: WaveformPeaks): number[] {
  const size = Math.max(1, Math.ceil(peaks.max.length / BAR_COUNT));
  const bars: number[] = [];
  for (let start = 0; start < peaks.max.length; start += size) {
    let height = 0;
    for (let i = start; i < Math.min(start + size, peaks.max.length); i++) {
      height = Math.max(height, peaks.max[i] ?? 0, -(peaks.min[i] ?? 0));
    }
    bars.push(height);
  }
  return bars;
}

/**
 * The sermon's loudness over time; the played part in amber. Clicking seeks. Purely a
 * picture and a shortcut: the range input next to it is the accessible seek control.
 */
export function Waveform({
  url,
  progress,
  onSeek,
}: {
  url: string;
  /** 0–1 */
  progress: number;
  onSeek: (fraction: number) => void;
}) {
  const [peaks, setPeaks] = useState<WaveformPeaks | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetch(url, { signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<WaveformPeaks>) : null))
      .then(setPeaks)
      .catch(() => setPeaks(null));
    return () => controller.abort();
  }, [url]);
  const bars = useMemo(() => (peaks ? toBars(peaks) : []), [peaks]);
  if (bars.length === 0) return null;

  const width = bars.length * 3;
  const played = progress * width;
  return (
    <svg
      data-testid="waveform"
      aria-hidden
      viewBox={`0 0 ${width} 40`}
      preserveAspectRatio="none"
      className="h-14 w-full cursor-pointer"
      onClick={(event) => {
        const box = event.currentTarget.getBoundingClientRect();
        onSeek(Math.min(1, Math.max(0, (event.clientX - box.left) / box.width)));
      }}
    >
      {bars.map((height, i) => {
        const h = Math.max(1.5, height * 38);
        return (
          <rect
            key={i}
            x={i * 3}
            y={20 - h / 2}
            width={2}
            height={h}
            rx={1}
            className={i * 3 < played ? "fill-amber-600" : "fill-stone-300"}
          />
        );
      })}
    </svg>
  );
}
