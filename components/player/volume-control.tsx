"use client";

/** Mute toggle and volume slider. */
export function VolumeControl({
  volume,
  isMuted,
  onVolumeChange,
  onToggleMute,
}: {
  volume: number;
  isMuted: boolean;
  onVolumeChange: (volume: number) => void;
  onToggleMute: () => void;
}) {
  const isSilent = isMuted || volume === 0;
  return (
    <div className="flex items-center gap-1 rounded-lg border border-stone-200 py-0.5 pr-3 pl-0.5">
      <button
        type="button"
        onClick={onToggleMute}
        aria-label={isSilent ? "Unmute" : "Mute"}
        title={isSilent ? "Unmute (M)" : "Mute (M)"}
        className="grid size-8 place-items-center rounded-md text-stone-600 hover:bg-stone-50 hover:text-stone-900"
      >
        <svg
          aria-hidden
          viewBox="0 0 24 24"
          className="size-5 fill-none stroke-current"
          strokeWidth={2}
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="M11 5 6 9H3v6h3l5 4V5Z" className="fill-current" />
          {isSilent ? (
            <path d="m16 9 6 6m0-6-6 6" />
          ) : (
            <>
              <path d="M15.5 8.5a5 5 0 0 1 0 7" />
              {volume > 0.5 && <path d="M18.5 5.5a9 9 0 0 1 0 13" />}
            </>
          )}
        </svg>
      </button>
      <input
        type="range"
        aria-label="Volume"
        min={0}
        max={1}
        step={0.05}
        value={isMuted ? 0 : volume}
        onChange={(event) => onVolumeChange(Number(event.target.value))}
        className="w-20 accent-amber-600 sm:w-24"
      />
    </div>
  );
}
