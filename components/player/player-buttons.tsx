"use client";

export function PlayPauseButton({
  isPlaying,
  onClick,
}: {
  isPlaying: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={isPlaying ? "Pause" : "Play"}
      title={isPlaying ? "Pause (Space)" : "Play (Space)"}
      className="grid size-14 shrink-0 place-items-center rounded-full bg-amber-700 text-white shadow-sm transition hover:bg-amber-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-600"
    >
      <PlayPauseIcon isPlaying={isPlaying} size="size-6" />
    </button>
  );
}

/** Pause bars while playing, the play triangle (nudged right, to look centred) otherwise. */
export function PlayPauseIcon({ isPlaying, size }: { isPlaying: boolean; size: string }) {
  return isPlaying ? (
    <svg aria-hidden viewBox="0 0 24 24" className={`${size} fill-current`}>
      <rect x="6" y="5" width="4" height="14" rx="1" />
      <rect x="14" y="5" width="4" height="14" rx="1" />
    </svg>
  ) : (
    <svg aria-hidden viewBox="0 0 24 24" className={`ml-[8%] ${size} fill-current`}>
      <path d="M7 4.5v15a1 1 0 0 0 1.5.86l12.5-7.5a1 1 0 0 0 0-1.72L8.5 3.64A1 1 0 0 0 7 4.5Z" />
    </svg>
  );
}

/** −15 s or +15 s: a circular arrow turning the way it skips. */
export function SkipButton({ seconds, onClick }: { seconds: number; onClick: () => void }) {
  const isBack = seconds < 0;
  const amount = Math.abs(seconds);
  return (
    <button
      type="button"
      onClick={onClick}
      title={isBack ? `Back ${amount} s (←)` : `Forward ${amount} s (→)`}
      className="inline-flex items-center gap-1.5 rounded-lg border border-stone-200 px-3 py-1.5 font-medium tabular-nums text-stone-700 hover:bg-stone-50"
    >
      <svg
        aria-hidden
        viewBox="0 0 24 24"
        className={`size-4 fill-none stroke-current ${isBack ? "" : "-scale-x-100"}`}
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M3 12a9 9 0 1 0 3-6.7" />
        <path d="M3 4v5h5" />
      </svg>
      {/* Spoken as words: a screen reader reads "−15 s" as "minus 15 s". */}
      <span aria-hidden>
        {isBack ? "−" : "+"}
        {amount} s
      </span>
      <span className="sr-only">
        {isBack ? `Back ${amount} seconds` : `Forward ${amount} seconds`}
      </span>
    </button>
  );
}

/** "Share from here": copies the link to this moment. */
export function ShareButton({ onClick }: { onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      title="Copy a link that plays from here"
      className="inline-flex items-center gap-1.5 rounded-lg px-3 py-1.5 font-medium text-amber-800 hover:bg-amber-50"
    >
      <svg
        aria-hidden
        viewBox="0 0 24 24"
        className="size-4 fill-none stroke-current"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M4 12v7a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-7" />
        <path d="m16 6-4-4-4 4" />
        <path d="M12 2v13" />
      </svg>
      Share
    </button>
  );
}
