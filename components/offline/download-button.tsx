"use client";

import type { PlayableSermon } from "@/lib/catalog/playback/playable-sermons";
import { downloads } from "./downloads-store";
import { useDownloads } from "./use-downloads";

const BUTTON =
  "inline-flex items-center gap-1.5 rounded-lg px-3 py-1.5 font-medium text-amber-800 hover:bg-amber-50 focus-visible:outline-2 focus-visible:outline-amber-600 disabled:opacity-70";

/**
 * "Download": keeps the sermon's audio and transcript on this device for listening offline,
 * with its progress while it downloads; once kept, says so and offers to remove it.
 */
export function DownloadButton({ sermon }: { sermon: PlayableSermon & { downloadUrl: string } }) {
  const state = useDownloads();
  const progress = state.inProgress[sermon.id];
  const isKept = state.downloads.some((item) => item.id === sermon.id);

  if (progress && !progress.error) {
    const percent = progress.fraction === null ? null : Math.round(progress.fraction * 100);
    return (
      <span className="inline-flex items-center gap-2 px-3 py-1.5 text-stone-700">
        <progress
          max={100}
          value={percent ?? undefined}
          aria-label={`Downloading ${sermon.title}`}
          className="h-1.5 w-20 accent-amber-600"
        />
        <span data-testid="download-progress">
          Downloading{percent === null ? "…" : ` ${percent}%`}
        </span>
      </span>
    );
  }
  if (isKept) {
    return (
      <span className="inline-flex items-center gap-1">
        <span data-testid="download-state" className="px-2 font-medium text-emerald-700">
          Downloaded
        </span>
        <button type="button" className={BUTTON} onClick={() => void downloads.remove(sermon.id)}>
          Remove download
        </button>
      </span>
    );
  }
  return (
    <span className="inline-flex items-center gap-1">
      <button
        type="button"
        className={BUTTON}
        onClick={() => void downloads.add(sermon)}
        title="Keep the audio and transcript on this device, to listen offline"
      >
        <svg aria-hidden viewBox="0 0 20 20" className="size-4 fill-current">
          <path d="M10 2a1 1 0 0 1 1 1v8.59l2.3-2.3a1 1 0 1 1 1.4 1.42l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.42L9 11.6V3a1 1 0 0 1 1-1ZM4 15a1 1 0 0 1 1 1v1h10v-1a1 1 0 1 1 2 0v2a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1v-2a1 1 0 0 1 1-1Z" />
        </svg>
        Download
      </button>
      {progress?.error && (
        <span role="alert" className="text-xs text-red-700">
          {progress.error}
        </span>
      )}
    </span>
  );
}
