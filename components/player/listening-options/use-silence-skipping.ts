"use client";

import { useEffect, useState } from "react";
import type { NowPlayingItem } from "../now-playing/now-playing-queue";
import { nowPlaying } from "../now-playing/now-playing-store";
import { attachSilenceSkipper } from "./attach-silence-skipper";
import { listeningOptions } from "./listening-options-store";
import { loadPauseSkips } from "./load-pause-skips";
import type { PauseSkip } from "./silence-skips";
import { useListeningOptions } from "./use-listening-options";

/**
 * "Skip silence" on the listener's one `<audio>` (the player host's): loads the current
 * sermon's pauses and jumps over them while the option is on, counting the listening time
 * saved (the skipped stretch at the speed it would have played).
 */
export function useSilenceSkipping(audio: HTMLAudioElement | null, current: NowPlayingItem | null) {
  const { skipSilence } = useListeningOptions();
  const streamUrl = current?.streamUrl ?? null;
  const itemKey = current?.key ?? null;
  const [loaded, setLoaded] = useState<{ streamUrl: string; skips: PauseSkip[] } | null>(null);

  useEffect(() => listeningOptions.countFor(itemKey), [itemKey]);

  useEffect(() => {
    if (!skipSilence || !streamUrl) return;
    let isCurrent = true;
    void loadPauseSkips(streamUrl).then((skips) => {
      if (isCurrent) setLoaded({ streamUrl, skips });
    });
    return () => {
      isCurrent = false;
    };
  }, [skipSilence, streamUrl]);

  const skips = loaded?.streamUrl === streamUrl ? loaded.skips : null;
  useEffect(() => {
    if (!audio || !skipSilence || !skips?.length) return;
    return attachSilenceSkipper(audio, skips, (toSec, skippedSec, rate) => {
      listeningOptions.addSaved(skippedSec / rate);
      nowPlaying.seek(toSec);
    });
  }, [audio, skipSilence, skips]);
}
