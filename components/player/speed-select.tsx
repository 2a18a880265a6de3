"use client";

import { SPEEDS } from "./playback-speeds";

/** On phones the word "Speed" gives way to a gauge, so the controls fit on one line. */
export function SpeedSelect({
  speed,
  onChange,
}: {
  speed: number;
  onChange: (speed: number) => void;
}) {
  return (
    <label
      title="Speed (< and >)"
      className="flex items-center gap-2 rounded-lg border border-stone-200 px-3 py-1.5 text-stone-700"
    >
      <svg
        aria-hidden
        viewBox="0 0 24 24"
        className="size-4 fill-none stroke-current sm:hidden"
        strokeWidth={2}
        strokeLinecap="round"
      >
        <path d="M4.9 19a9 9 0 1 1 14.2 0" />
        <path d="m12 14 4-5" />
      </svg>
      <span className="sr-only font-medium sm:not-sr-only">Speed</span>
      <select
        value={speed}
        onChange={(event) => onChange(Number(event.target.value))}
        className="bg-transparent font-medium tabular-nums outline-none"
      >
        {SPEEDS.map((value) => (
          <option key={value} value={value}>
            {value}×
          </option>
        ))}
      </select>
    </label>
  );
}
