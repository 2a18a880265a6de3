"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { EmptyState } from "@/components/listener/empty-state";
import { PlayPauseIcon } from "@/components/player/player-buttons";
import { itemFromSermon } from "@/components/player/now-playing/now-playing-api";
import { nowPlaying } from "@/components/player/now-playing/now-playing-store";
import { useNowPlaying } from "@/components/player/now-playing/use-now-playing";
import { formatBytes, formatDuration } from "@/lib/platform/text/format";
import { type DownloadedSermon, downloads } from "./downloads-store";
import { DOWNLOADS_CACHE, keptTranscriptUrls } from "./offline-caches";
import { useDownloads } from "./use-downloads";

/** The downloaded sermons: play, read the transcript, remove. */
export function DownloadsList() {
  const { downloads: kept } = useDownloads();
  const isOnline = useIsOnline();
  const [isReady, setIsReady] = useState(false);
  // The list is this browser's: until it is read, the server's empty answer is not the truth.
  useEffect(() => setIsReady(true), []);
  if (!isReady) return null;
  return (
    <>
      {!isOnline && (
        <p role="status" className="mt-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
          You are offline. Downloaded sermons still play.
        </p>
      )}
      {kept.length === 0 ? (
        <EmptyState
          title="No downloads yet"
          body="Press Download on a sermon's page to keep it on this device for listening offline."
        />
      ) : (
        <ul className="mt-6 space-y-3" aria-label="Downloaded sermons">
          {kept.map((item) => (
            <DownloadRow key={item.id} item={item} />
          ))}
        </ul>
      )}
    </>
  );
}

function DownloadRow({ item }: { item: DownloadedSermon }) {
  const state = useNowPlaying();
  const isCurrent = state.current?.sermonId === item.id && !state.current.clip;
  const isPlaying = isCurrent && state.isPlaying;
  const play = () => {
    if (isCurrent) nowPlaying.togglePlay();
    else nowPlaying.load(itemFromSermon(item), { play: true });
  };
  return (
    <li
      data-testid="download-item"
      className="rounded-2xl border border-stone-200 bg-white p-4 shadow-sm"
    >
      <div className="flex items-center gap-3">
        <button
          type="button"
          onClick={play}
          aria-label={`${isPlaying ? "Pause" : "Play"} ${item.title}`}
          className="grid size-11 shrink-0 place-items-center rounded-full bg-amber-700 text-white hover:bg-amber-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-600"
        >
          <PlayPauseIcon isPlaying={isPlaying} size="size-5" />
        </button>
        <div className="min-w-0 flex-1">
          <Link href={item.href} className="font-medium text-stone-900 hover:underline">
            {item.title}
          </Link>
          <p className="text-sm text-stone-600">
            {[item.speaker, item.church].filter(Boolean).join(" · ")}
          </p>
          <p className="text-xs text-stone-600" data-testid="download-size">
            {[item.durationMs ? formatDuration(item.durationMs) : null, formatBytes(item.sizeBytes)]
              .filter(Boolean)
              .join(" · ")}
          </p>
        </div>
        <button
          type="button"
          onClick={() => void downloads.remove(item.id)}
          aria-label={`Remove ${item.title} from downloads`}
          className="rounded-lg px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-red-600"
        >
          Remove
        </button>
      </div>
      {item.hasTranscript && <TranscriptDetails sermonId={item.id} />}
    </li>
  );
}

/** The kept transcript, read from the downloads cache when opened. */
function TranscriptDetails({ sermonId }: { sermonId: string }) {
  const [text, setText] = useState<string | null>(null);
  const open = async () => {
    if (text !== null) return;
    const cache = await caches.open(DOWNLOADS_CACHE);
    const response = await cache.match(keptTranscriptUrls(sermonId).json);
    const json = (await response?.json().catch(() => null)) as {
      segments?: { body?: string }[];
    } | null;
    setText(
      json?.segments
        ?.map((segment) => segment.body ?? "")
        .join(" ")
        .trim() || "The transcript is empty.",
    );
  };
  return (
    <details className="mt-3 text-sm" onToggle={(event) => event.currentTarget.open && void open()}>
      <summary className="cursor-pointer font-medium text-amber-800">Transcript</summary>
      <p className="mt-2 max-h-64 overflow-y-auto whitespace-pre-line text-stone-700">
        {text ?? "Loading…"}
      </p>
    </details>
  );
}

function useIsOnline(): boolean {
  const [isOnline, setIsOnline] = useState(true);
  useEffect(() => {
    const update = () => setIsOnline(navigator.onLine);
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);
  return isOnline;
}
