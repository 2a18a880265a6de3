"use client";

import { useState } from "react";
import { clipsOf, type MomentToPlay } from "./now-playing-api";
import { nowPlaying } from "./now-playing-store";

/**
 * "Play the answer" / "Play these moments": replaces the queue with the moments, each a clip
 * from its start to its end, and plays them back to back in the listener's player.
 */
export function PlayMomentsButton({
  moments,
  label,
  tone = "dark",
}: {
  moments: readonly MomentToPlay[];
  label: string;
  tone?: "dark" | "light";
}) {
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function play() {
    setIsBusy(true);
    setError(null);
    try {
      const clips = await clipsOf(moments);
      if (clips.length === 0) setError("These moments cannot be played right now.");
      else nowPlaying.playAll(clips);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setIsBusy(false);
    }
  }

  const colours =
    tone === "dark"
      ? "bg-amber-700 text-white hover:bg-amber-800"
      : "border border-amber-300 bg-white text-amber-900 hover:bg-amber-50";
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        onClick={() => void play()}
        disabled={isBusy || moments.length === 0}
        className={`inline-flex items-center gap-1.5 rounded-full px-3.5 py-1.5 text-xs font-semibold shadow-sm transition disabled:opacity-60 ${colours}`}
      >
        <svg aria-hidden viewBox="0 0 16 16" className="size-3 fill-current">
          <path d="M4 2.5v11l9-5.5z" />
        </svg>
        {label}
        <span className="font-normal">
          ({moments.length} {moments.length === 1 ? "moment" : "moments"})
        </span>
      </button>
      {error && (
        <span role="alert" className="text-xs font-medium text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
