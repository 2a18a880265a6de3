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
  audio.addEventListener("loadedmetadata", () => (audio.currentTime = startAt), {
    once: true,
    signal: listening.signal,
  });
  audio.addEventListener(
    "error",
    () => onError("The downloaded recording could not be played. Remove it and download it again."),
    { signal: listening.signal },
  );
  audio.src = src;
  onAttached?.();
  return () => listening.abort();
}
