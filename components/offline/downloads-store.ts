"use client";

import type { PlayableSermon } from "@/lib/catalog/playback/playable-sermons";
import { DOWNLOADS_CACHE, keptTranscriptUrls } from "./offline-caches";

/** A sermon kept on this device: what the downloads page lists and the player plays offline. */
export interface DownloadedSermon extends PlayableSermon {
  downloadUrl: string;
  /** Bytes of the audio file. */
  sizeBytes: number;
  /** Whether its transcript was kept too (a sermon may have none yet). */
  hasTranscript: boolean;
  savedAt: string;
}

/** A download under way: 0–1 once its size is known, null before. */
export interface DownloadProgress {
  fraction: number | null;
  error: string | null;
}

export interface DownloadsSnapshot {
  downloads: readonly DownloadedSermon[];
  /** By sermon id. */
  inProgress: Readonly<Record<string, DownloadProgress>>;
}

const STORAGE_KEY = "selah:downloads";

/** A failure with words for the listener. */
class DownloadFailure extends Error {}
const EMPTY: DownloadsSnapshot = { downloads: [], inProgress: {} };

let snapshot: DownloadsSnapshot = EMPTY;
let isLoaded = false;
const listeners = new Set<() => void>();

function set(patch: Partial<DownloadsSnapshot>) {
  snapshot = { ...snapshot, ...patch };
  for (const listener of listeners) listener();
}

function load() {
  if (isLoaded || typeof window === "undefined") return;
  isLoaded = true;
  snapshot = { ...snapshot, downloads: parseStored(readStorage()) };
  // Another tab downloaded or removed one.
  window.addEventListener("storage", (event) => {
    if (event.key === STORAGE_KEY) set({ downloads: parseStored(event.newValue) });
  });
}

function readStorage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function parseStored(text: string | null): DownloadedSermon[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value)
      ? value.filter(
          (item): item is DownloadedSermon =>
            typeof item === "object" &&
            item !== null &&
            typeof item.id === "string" &&
            typeof item.downloadUrl === "string" &&
            typeof item.title === "string",
        )
      : [];
  } catch {
    return [];
  }
}

function save(downloads: DownloadedSermon[]) {
  set({ downloads });
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(downloads));
  } catch {
    // Full or refused storage: the list lasts this visit only.
  }
}

function setProgress(sermonId: string, progress: DownloadProgress | null) {
  const inProgress = { ...snapshot.inProgress };
  if (progress) inProgress[sermonId] = progress;
  else delete inProgress[sermonId];
  set({ inProgress });
}

/** Reads `response`'s body whole, reporting the share read so far. */
async function readWithProgress(
  response: Response,
  onProgress: (fraction: number | null) => void,
): Promise<Blob> {
  const total = Number(response.headers.get("content-length")) || null;
  const reader = response.body?.getReader();
  if (!reader) return response.blob();
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    received += value.length;
    onProgress(total ? Math.min(1, received / total) : null);
  }
  return new Blob(parts, { type: response.headers.get("content-type") ?? "audio/mp4" });
}

/** Keeps the transcript's JSON and captions when there are any; says whether it did. */
async function keepTranscript(cache: Cache, sermonId: string): Promise<boolean> {
  const { json, captions } = keptTranscriptUrls(sermonId);
  const urls = [json, captions];
  const responses = await Promise.all(urls.map((url) => fetch(url).catch(() => null)));
  let kept = false;
  for (const [index, response] of responses.entries()) {
    if (!response?.ok) continue;
    await cache.put(urls[index]!, response);
    kept = true;
  }
  return kept;
}

/**
 * Downloads for offline listening: the listener's list (in this browser's storage) of sermons
 * whose audio file and transcript are in the downloads cache, where the service worker
 * answers the player from when they are asked for. Views subscribe (use-downloads.ts).
 */
export const downloads = {
  subscribe(listener: () => void) {
    load();
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
  getSnapshot(): DownloadsSnapshot {
    load();
    return snapshot;
  },
  getServerSnapshot: (): DownloadsSnapshot => EMPTY,

  /** The download of `sermonId` when it is on this device. */
  find(sermonId: string): DownloadedSermon | undefined {
    load();
    return snapshot.downloads.find((item) => item.id === sermonId);
  },

  /** Fetches the sermon's audio file and transcript into the downloads cache. */
  async add(sermon: PlayableSermon & { downloadUrl: string }): Promise<void> {
    load();
    if (snapshot.inProgress[sermon.id] && !snapshot.inProgress[sermon.id]!.error) return;
    setProgress(sermon.id, { fraction: 0, error: null });
    try {
      if (!("caches" in window))
        throw new DownloadFailure("This browser cannot keep sermons offline.");
      const cache = await caches.open(DOWNLOADS_CACHE);
      const response = await fetch(sermon.downloadUrl);
      if (!response.ok)
        throw new DownloadFailure("The sermon could not be downloaded. Please try again.");
      const blob = await readWithProgress(response, (fraction) =>
        setProgress(sermon.id, { fraction, error: null }),
      );
      await cache.put(
        sermon.downloadUrl,
        new Response(blob, {
          headers: {
            "content-type": blob.type,
            "content-length": String(blob.size),
            "accept-ranges": "bytes",
          },
        }),
      );
      const hasTranscript = await keepTranscript(cache, sermon.id);
      const entry: DownloadedSermon = {
        id: sermon.id,
        title: sermon.title,
        speaker: sermon.speaker,
        church: sermon.church,
        series: sermon.series,
        href: sermon.href,
        streamUrl: sermon.streamUrl,
        downloadUrl: sermon.downloadUrl,
        durationMs: sermon.durationMs,
        sizeBytes: blob.size,
        hasTranscript,
        savedAt: new Date().toISOString(),
      };
      save([entry, ...snapshot.downloads.filter((item) => item.id !== sermon.id)]);
      setProgress(sermon.id, null);
    } catch (error) {
      const message =
        error instanceof DownloadFailure
          ? error.message
          : "The sermon could not be downloaded. Please try again.";
      setProgress(sermon.id, { fraction: null, error: message });
    }
  },

  /** Deletes the sermon's files from this device and takes it off the list. */
  async remove(sermonId: string): Promise<void> {
    load();
    const item = snapshot.downloads.find((download) => download.id === sermonId);
    try {
      // Files first: once the list no longer shows it, nothing of it is left on the device.
      if (item && "caches" in window) {
        const cache = await caches.open(DOWNLOADS_CACHE);
        await Promise.all(
          [item.downloadUrl, ...Object.values(keptTranscriptUrls(sermonId))].map((url) =>
            cache.delete(url),
          ),
        );
      }
    } finally {
      save(snapshot.downloads.filter((download) => download.id !== sermonId));
    }
  },
};
