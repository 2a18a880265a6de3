"use client";

import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";

export interface Playback {
  /** The player's media element, once it is in the page. */
  media: HTMLMediaElement | null;
  /** Seconds, as the media element last reported. */
  currentTime: number;
  isPlaying: boolean;
  /** Moves playback to `seconds`; `play` also starts it (a tap on a sentence means "play from here"). */
  seek: (seconds: number, options?: { play?: boolean }) => void;
}

const PlaybackContext = createContext<Playback | null>(null);

/**
 * Shares the player's time and seeking with the things around it (the transcript panel),
 * without the player knowing about them: it finds the one `<audio>`/`<video>` rendered inside
 * it and follows that element's own events. The player keeps reacting to the same events,
 * so a seek from outside moves its seek bar too.
 */
export function PlaybackProvider({ children }: { children: ReactNode }) {
  const wrapper = useRef<HTMLDivElement>(null);
  const [media, setMedia] = useState<HTMLMediaElement | null>(null);
  const [currentTime, setCurrentTime] = useState(0);
  const [isPlaying, setIsPlaying] = useState(false);

  useEffect(() => {
    const root = wrapper.current;
    if (!root) return;
    const find = () => setMedia(root.querySelector<HTMLMediaElement>("audio, video"));
    find();
    // The player may render its element later (after hydration or once media is ready).
    const observer = new MutationObserver(find);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (!media) return;
    const syncTime = () => setCurrentTime(media.currentTime);
    const syncPlaying = () => setIsPlaying(!media.paused && !media.ended);
    syncTime();
    syncPlaying();
    const events = {
      timeupdate: syncTime,
      seeked: syncTime,
      play: syncPlaying,
      pause: syncPlaying,
      ended: syncPlaying,
    };
    for (const [name, listener] of Object.entries(events)) media.addEventListener(name, listener);
    return () => {
      for (const [name, listener] of Object.entries(events))
        media.removeEventListener(name, listener);
    };
  }, [media]);

  const seek = useCallback(
    (seconds: number, options: { play?: boolean } = {}) => {
      if (!media) return;
      media.currentTime = Math.max(0, seconds);
      setCurrentTime(media.currentTime);
      if (options.play && media.paused) void media.play().catch(() => undefined);
    },
    [media],
  );

  const value = useMemo(
    () => ({ media, currentTime, isPlaying, seek }),
    [media, currentTime, isPlaying, seek],
  );
  return (
    <PlaybackContext.Provider value={value}>
      <div ref={wrapper} className="contents">
        {children}
      </div>
    </PlaybackContext.Provider>
  );
}

/** The surrounding player's playback; outside a PlaybackProvider there is none. */
export function usePlayback(): Playback {
  return (
    useContext(PlaybackContext) ?? {
      media: null,
      currentTime: 0,
      isPlaying: false,
      seek: () => undefined,
    }
  );
}
