"use client";

import type { ListenerChapter } from "@/lib/catalog/chapters/chapter-queries";
import { chapterIndexAt } from "@/lib/catalog/chapters/chapter-at";
import { formatDuration } from "@/lib/platform/text/format";

/**
 * The seek slider with the time played and the length beneath it, and the chapters (if any):
 * a mark on the slider for each, a button that plays from it, and the current one's name.
 */
export function SeekBar({
  currentTime,
  duration,
  onSeek,
  chapters = [],
}: {
  currentTime: number;
  duration: number;
  onSeek: (seconds: number) => void;
  chapters?: readonly ListenerChapter[];
}) {
  const current = chapters[chapterIndexAt(chapters, currentTime * 1000)];
  const marks = duration > 0 ? chapters.filter((chapter) => chapter.startMs / 1000 < duration) : [];
  return (
    <>
      {current && (
        <p
          data-testid="current-chapter"
          className="mt-1 truncate text-xs font-medium text-amber-800"
        >
          <span className="sr-only">Chapter: </span>
          {current.title}
        </p>
      )}
      <div className="relative">
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
        {marks.length > 0 && (
          <ol
            aria-label="Chapter marks"
            className="pointer-events-none absolute inset-x-0 -bottom-1.5 h-3"
          >
            {marks.map((chapter, index) => (
              <li
                key={chapter.startMs}
                className="absolute top-0 -translate-x-1/2"
                style={{ left: `${Math.min(100, (chapter.startMs / 1000 / duration) * 100)}%` }}
              >
                <button
                  type="button"
                  aria-label={`Chapter ${index + 1}: ${chapter.title} (${formatDuration(chapter.startMs)})`}
                  title={`${chapter.title} · ${formatDuration(chapter.startMs)}`}
                  onClick={() => onSeek(chapter.startMs / 1000)}
                  className="pointer-events-auto flex h-3 w-3 items-center justify-center rounded-full focus-visible:outline-2 focus-visible:outline-amber-600"
                >
                  <span
                    aria-hidden
                    className="h-2.5 w-1 rounded-sm bg-stone-500 hover:bg-amber-700"
                  />
                </button>
              </li>
            ))}
          </ol>
        )}
      </div>
      <div className="mt-1 flex justify-between text-xs tabular-nums text-stone-500">
        <span data-testid="current-time">{formatDuration(currentTime * 1000)}</span>
        <span>{duration > 0 ? formatDuration(duration * 1000) : "–:––"}</span>
      </div>
    </>
  );
}
