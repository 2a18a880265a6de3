import { type PauseSkip, pauseSkips, type SilenceInterval } from "./silence-skips";

const loaded = new Map<string, Promise<PauseSkip[]>>();

/**
 * The skips of the sermon streamed from `streamUrl`: its silence map is published beside the
 * master playlist, in the same media version, so it matches the audio to the millisecond.
 * None when it cannot be read (a version from before it was published, a network failure);
 * a failure is not remembered, so the next item change asks again.
 */
export function loadPauseSkips(streamUrl: string): Promise<PauseSkip[]> {
  const url = new URL("silences.json", new URL(streamUrl, window.location.href)).href;
  let skips = loaded.get(url);
  if (!skips) {
    skips = fetchSkips(url).catch(() => {
      loaded.delete(url);
      return [];
    });
    loaded.set(url, skips);
  }
  return skips;
}

async function fetchSkips(url: string): Promise<PauseSkip[]> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`silence map: HTTP ${response.status}`);
  const body = (await response.json()) as unknown;
  return Array.isArray(body) ? pauseSkips(body as SilenceInterval[]) : [];
}
