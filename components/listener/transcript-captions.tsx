"use client";

import { useEffect, useState } from "react";

/**
 * Captions for the player: a WebVTT `<track>` added to its media element while captions are
 * on. An `<audio>` element draws nothing, so the track runs hidden and the active cue is
 * returned for the panel to show.
 */
export function useCaptionTrack(
  media: HTMLMediaElement | null,
  src: string | null,
  isOn: boolean,
): string {
  const [text, setText] = useState("");
  useEffect(() => {
    if (!media || !src || !isOn) return;
    const element = document.createElement("track");
    Object.assign(element, {
      kind: "captions",
      label: "Captions",
      srclang: "en",
      src,
      default: true,
    });
    media.appendChild(element);
    const track = element.track;
    track.mode = "hidden";
    const show = () => {
      const cues = Array.from(track.activeCues ?? []) as VTTCue[];
      setText(cues.map((cue) => cue.text.replace(/<[^>]*>/g, "")).join("\n"));
    };
    track.addEventListener("cuechange", show);
    return () => {
      track.removeEventListener("cuechange", show);
      track.mode = "disabled";
      element.remove();
      setText("");
    };
  }, [media, src, isOn]);
  return text;
}

export function CaptionLine({ text }: { text: string }) {
  return (
    <p
      aria-live="polite"
      data-testid="caption-line"
      className="min-h-[3.5rem] whitespace-pre-line rounded-xl bg-stone-900 px-4 py-2 text-center text-base font-medium leading-snug text-white"
    >
      {text || "\u00a0"}
    </p>
  );
}
