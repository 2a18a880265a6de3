"use client";

import { usePathname } from "next/navigation";
import { useCallback, useMemo } from "react";
import { useSilenceSkipping } from "../listening-options/use-silence-skipping";
import { useVoiceBoost } from "../listening-options/use-voice-boost";
import { useMediaSession } from "../use-media-session";
import { usePlayReports } from "../use-play-reports";
import { useProgressSaving } from "../use-saved-position";
import { useVolume } from "../use-volume";
import { MiniPlayer } from "./mini-player";
import { nowPlaying } from "./now-playing-store";
import { useNowPlaying } from "./use-now-playing";

/**
 * The listener's player for the whole visit, mounted once in the root layout (through
 * NowPlayingGate): the one `<audio>` element, the lock screen and media keys, saving the
 * place, skipping silence and the voice boost, the anonymous play reports for insights, the
 * screen reader's announcements and the mini player at the bottom of the page. The sermon
 * page's big player is another view of the same playback.
 */
export default function NowPlayingHost() {
  const state = useNowPlaying();
  const pathname = usePathname();
  const { audio, current } = state;
  const audioRef = useMemo(() => ({ current: audio }), [audio]);
  const attach = useCallback((element: HTMLAudioElement | null) => {
    nowPlaying.attachAudio(element);
  }, []);

  useVolume(audioRef);
  useProgressSaving(audio, current);
  useSilenceSkipping(audio, current);
  useVoiceBoost(audio);
  usePlayReports(audio, current);
  useMediaSession(
    audioRef,
    {
      title: current?.title ?? "",
      artist: current?.speaker ?? null,
      album: current ? [current.series, current.church].filter(Boolean).join(" · ") : null,
    },
    {
      seekTo: nowPlaying.seek,
      duration: state.duration,
      nextTrack: state.upNext.length || state.seriesNext ? nowPlaying.playNext : undefined,
    },
  );

  // On the current sermon's own page its big player is the view; a second one would repeat it.
  const isOnItsPage = current !== null && pathname === current.href;
  return (
    <>
      <audio ref={attach} preload="metadata" data-testid="sermon-audio" />
      <p role="status" aria-live="polite" className="sr-only" data-testid="now-playing-announcer">
        {state.announcement}
      </p>
      {current && !isOnItsPage && <MiniPlayer state={state} />}
    </>
  );
}
