import { nextSkipFrom, type PauseSkip, skipTargetAt } from "./silence-skips";

/** Closer than this (in listening time) to a skip, a timer waits for it: timeupdate is too coarse. */
const TIMER_WINDOW_MS = 1_000;

/**
 * Jumps `audio` over `skips` while it plays, through `jump` (the player's seek, which keeps
 * its own idea of the time right), given where to and how much is skipped at what speed.
 * `timeupdate` comes only every quarter second or so, so near a pause a timer wakes up when
 * its skip begins: the jump leaves from the skip's start, not up to half a second (at 2×)
 * into it. Returns the detach.
 */
export function attachSilenceSkipper(
  audio: HTMLAudioElement,
  skips: readonly PauseSkip[],
  jump: (toSec: number, skippedSec: number, playbackRate: number) => void,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;

  const check = () => {
    clearTimeout(timer);
    timer = undefined;
    if (audio.paused || audio.seeking || audio.ended) return;
    const time = audio.currentTime;
    const target = skipTargetAt(skips, time);
    if (target !== null && isReachable(audio, target)) {
      jump(target, target - time, audio.playbackRate || 1); // its `seeked` checks again
      return;
    }
    const next = nextSkipFrom(skips, time);
    if (next === null) return;
    const waitMs = ((next - time) / (audio.playbackRate || 1)) * 1000;
    if (waitMs < TIMER_WINDOW_MS) timer = setTimeout(check, Math.max(0, waitMs));
  };
  const stop = () => {
    clearTimeout(timer);
    timer = undefined;
  };

  const events = ["timeupdate", "play", "playing", "seeked", "ratechange"] as const;
  for (const name of events) audio.addEventListener(name, check);
  audio.addEventListener("pause", stop);
  check();
  return () => {
    stop();
    for (const name of events) audio.removeEventListener(name, check);
    audio.removeEventListener("pause", stop);
  };
}

/** While a stream is still growing, a jump must stay within what is already published. */
function isReachable(audio: HTMLAudioElement, target: number): boolean {
  const { seekable } = audio;
  return seekable.length > 0 && target <= seekable.end(seekable.length - 1);
}
