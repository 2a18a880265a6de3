"use client";

import type { ReactNode } from "react";
import { formatDuration } from "@/lib/platform/text/format";
import { listeningOptions } from "./listening-options-store";
import { useListeningOptions } from "./use-listening-options";

/**
 * "Skip silence" and "Voice boost", two toggles kept in this browser, and what skipping has
 * saved in the sermon playing (`showSaved`: only the view of that sermon says so).
 */
export function ListeningOptionsControls({ showSaved }: { showSaved: boolean }) {
  const { skipSilence, voiceBoost, savedSec } = useListeningOptions();
  return (
    <>
      <OptionToggle
        isOn={skipSilence}
        onToggle={() => listeningOptions.setSkipSilence(!skipSilence)}
        title="Jump over pauses longer than 0.8 seconds"
        icon={<path d="M4 6v12M9 6v12M13 12h7M17 8l4 4-4 4" />}
      >
        Skip silence
      </OptionToggle>
      {showSaved && skipSilence && (
        <span data-testid="silence-saved" className="tabular-nums text-xs text-stone-600">
          Saved {formatDuration(savedSec * 1000)}
        </span>
      )}
      <OptionToggle
        isOn={voiceBoost}
        onToggle={() => listeningOptions.setVoiceBoost(!voiceBoost)}
        title="Even out and brighten the voice, for quiet or echoing recordings"
        icon={<path d="M3 10v4M7 7v10M11 4v16M15 8v8M19 11v2" />}
      >
        Voice boost
      </OptionToggle>
    </>
  );
}

function OptionToggle({
  isOn,
  onToggle,
  title,
  icon,
  children,
}: {
  isOn: boolean;
  onToggle: () => void;
  title: string;
  icon: ReactNode;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-pressed={isOn}
      onClick={onToggle}
      title={title}
      className={`inline-flex items-center gap-1.5 rounded-lg border px-3 py-1.5 font-medium ${
        isOn
          ? "border-amber-700 bg-amber-50 text-amber-900"
          : "border-stone-200 text-stone-700 hover:bg-stone-50"
      }`}
    >
      <svg
        aria-hidden
        viewBox="0 0 24 24"
        className="size-4 fill-none stroke-current"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        {icon}
      </svg>
      {children}
    </button>
  );
}
