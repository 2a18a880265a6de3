"use client";

export interface FindBarProps {
  query: string;
  onQueryChange: (query: string) => void;
  hitCount: number;
  /** Index into the hits, -1 before the first step. */
  activeHit: number;
  onStep: (step: 1 | -1) => void;
}

/** Find in transcript: the query, "n of m", previous and next (Enter / Shift+Enter too). */
export function TranscriptFindBar({
  query,
  onQueryChange,
  hitCount,
  activeHit,
  onStep,
}: FindBarProps) {
  const hasQuery = query.trim().length > 0;
  const stepButton =
    "grid size-9 place-items-center rounded-lg border border-stone-200 text-stone-700 hover:bg-stone-50 disabled:opacity-40";
  return (
    <div className="flex items-center gap-2">
      <label className="relative min-w-0 flex-1">
        <span className="sr-only">Find in transcript</span>
        <input
          type="search"
          value={query}
          onChange={(event) => onQueryChange(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== "Enter") return;
            event.preventDefault();
            onStep(event.shiftKey ? -1 : 1);
          }}
          placeholder="Find in transcript"
          className="w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm shadow-sm outline-none focus:border-amber-500 focus:ring-2 focus:ring-amber-500/20"
        />
      </label>
      <span
        aria-live="polite"
        data-testid="find-count"
        className="w-16 shrink-0 text-center text-xs tabular-nums text-stone-500"
      >
        {hasQuery
          ? hitCount
            ? `${activeHit >= 0 ? activeHit + 1 : 0} of ${hitCount}`
            : "No matches"
          : ""}
      </span>
      <button
        type="button"
        aria-label="Previous match"
        disabled={!hitCount}
        onClick={() => onStep(-1)}
        className={stepButton}
      >
        <svg aria-hidden viewBox="0 0 20 20" className="size-4 fill-current">
          <path d="M10 6.5 4.5 12l1.4 1.4L10 9.3l4.1 4.1 1.4-1.4L10 6.5Z" />
        </svg>
      </button>
      <button
        type="button"
        aria-label="Next match"
        disabled={!hitCount}
        onClick={() => onStep(1)}
        className={stepButton}
      >
        <svg aria-hidden viewBox="0 0 20 20" className="size-4 fill-current">
          <path d="M10 13.5 15.5 8l-1.4-1.4L10 10.7 5.9 6.6 4.5 8l5.5 5.5Z" />
        </svg>
      </button>
    </div>
  );
}
