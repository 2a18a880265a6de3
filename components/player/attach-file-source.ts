/**
 * Plays one audio file in `audio` from `startAt` seconds (a download kept on the device, which
 * the service worker answers from its cache). Returns what detaches it again.
 */
export function attachFileSource(
  audio: HTMLAudioElement,
  src: string,
  startAt: number,
  onError: (message: string) => void,
  { onAttached }: { onAttached?: () => void } = {},
): () => void {
  const listening = new AbortController();
  startOnceLoaded(audio, startAt, listening.signal);
  audio.addEventListener(
    "error",
    () => onError("The downloaded recording could not be played. Remove it and download it again."),
    { signal: listening.signal },
  );
  audio.src = src;
  onAttached?.();
  return () => listening.abort();
}

/** Closer than this to where it should start, a file is left where it is. */
const START_TOLERANCE_SEC = 0.05;

/**
 * Moves a newly given file to `startAt` once its length is known. Only when that is elsewhere:
 * setting the position, even to where it already is, is a seek, and the browser drops what it
 * has decoded and waits for it again (a fifth of a second or more before the clock moves).
 */
export function startOnceLoaded(audio: HTMLAudioElement, startAt: number, signal: AbortSignal) {
  audio.addEventListener(
    "loadedmetadata",
    () => {
      if (Math.abs(audio.currentTime - startAt) > START_TOLERANCE_SEC) audio.currentTime = startAt;
    },
    { once: true, signal },
  );
}
