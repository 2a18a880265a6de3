"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { momentUrl } from "@/lib/catalog/transcripts/transcript-navigation";
import { formatDuration } from "@/lib/platform/text/format";

const SHOWN_MS = 4000;

/**
 * "Share from here": copies this page's URL with `?t=` at `seconds` (the sermon page starts
 * playback there) and says so for a few seconds; where the clipboard is refused, shows the
 * link to copy by hand instead.
 */
export function useShareMoment() {
  const [message, setMessage] = useState<string | null>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const share = useCallback(async (seconds: number) => {
    const url = momentUrl(window.location.href, seconds);
    try {
      await navigator.clipboard.writeText(url);
      setMessage(`Link copied: ${formatDuration(Math.floor(seconds) * 1000)}`);
    } catch {
      setMessage(url);
    }
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setMessage(null), SHOWN_MS);
  }, []);

  return { message, share };
}
