"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import type { ListenerChapter } from "@/lib/catalog/chapters/chapter-queries";
import type { PlayableSermon } from "@/lib/catalog/playback/playable-sermons";
import { chapterIndexAt } from "@/lib/catalog/chapters/chapter-at";
import { DownloadButton } from "@/components/offline/download-button";
import { formatDuration } from "@/lib/platform/text/format";
import { BookmarkButton } from "./bookmarks/bookmark-button";
import { BookmarkNoteForm } from "./bookmarks/bookmark-note-form";
import { useBookmarks } from "./bookmarks/bookmarks-context";
import { KeyboardShortcutsHint } from "./keyboard-shortcuts-hint";
import { ListeningOptionsControls } from "./listening-options/listening-options-controls";
import { SKIP_SECONDS } from "./keyboard-shortcuts";
import { AddToQueueButton } from "./now-playing/add-to-queue-button";
import { itemFromSermon } from "./now-playing/now-playing-api";
import { nowPlaying } from "./now-playing/now-playing-store";
import { useNowPlaying } from "./now-playing/use-now-playing";
import { stepSpeed } from "./playback-speeds";
import { PlayPauseButton, ShareButton, SkipButton } from "./player-buttons";
import { SeekBar } from "./seek-bar";
import { SpeedSelect } from "./speed-select";
import { useKeyboardShortcuts } from "./use-keyboard-shortcuts";
import { useLatest } from "./use-latest";
import { useSavedPosition } from "./use-saved-position";
import { useShareMoment } from "./use-share-moment";
import { useVolume } from "./use-volume";
import { VolumeControl } from "./volume-control";
import { Waveform } from "./waveform";

export interface SermonPlayerProps {
  sermon: PlayableSermon;
  /** Seconds; from `?t=`. */
  startAt: number;
  /** A `?t=` link chose where to start: it wins over a saved place and over what was playing. */
  isFromLink: boolean;
  waveformUrl: string | null;
  /** Marked on the seek bar; the current one is named above it. */
  chapters?: readonly ListenerChapter[];
}

/**
 * The sermon page's player: play, seek (and the waveform), skip, speed, volume, skip silence
 * and voice boost, keyboard, "Share from here" (the page's link at the current time),
 * "Bookmark" (B; with a note, inside a BookmarksProvider), "Add to queue" and the download.
 * It is a view of the listener's one player (now-playing-store.ts), so playback goes on when
 * the listener leaves the page and is found as it is when they come back. Opening the page
 * loads its sermon, paused, unless something else is playing: then this sermon waits, cued,
 * until the listener plays it.
 */
export function SermonPlayer({
  sermon,
  startAt,
  isFromLink,
  waveformUrl,
  chapters = [],
}: SermonPlayerProps) {
  const item = useMemo(() => itemFromSermon(sermon), [sermon]);
  const state = useNowPlaying();
  const isMine = state.current?.sermonId === sermon.id;
  // Where a cued sermon will start when played (a seek before then only moves this).
  const [cuedAt, setCuedAt] = useState(startAt);
  const [isResumable, setIsResumable] = useState(false);
  const audioRef = useMemo(() => ({ current: state.audio }), [state.audio]);
  const volume = useVolume(audioRef);
  const moment = useShareMoment();
  const bookmarks = useBookmarks();
  // The moment a new bookmark will mark while its note is asked for.
  const [draftAtMs, setDraftAtMs] = useState<number | null>(null);
  const bookmarkButton = useRef<HTMLButtonElement>(null);

  const latestItem = useLatest(item);
  useEffect(() => {
    const now = nowPlaying.getSnapshot();
    if (now.current?.sermonId === sermon.id && !isFromLink) return;
    if (isFromLink || !now.isPlaying) {
      nowPlaying.load(latestItem.current, { startAt, play: isFromLink && now.isPlaying });
      setIsResumable(!isFromLink);
    }
  }, [sermon.id, latestItem, startAt, isFromLink]);
  useSavedPosition({
    sermonId: sermon.id,
    durationMs: sermon.durationMs,
    isEnabled: isResumable,
  });

  const duration = sermon.durationMs ? sermon.durationMs / 1000 : isMine ? state.duration : 0;
  const currentTime = isMine ? state.currentTime : cuedAt;
  const isPlaying = isMine && state.isPlaying;
  const seekTo = (seconds: number) => {
    if (isMine) nowPlaying.seek(seconds);
    else setCuedAt(Math.max(0, Math.min(seconds, duration || seconds)));
  };
  const togglePlay = () => {
    if (isMine) nowPlaying.togglePlay();
    else nowPlaying.load(item, { startAt: cuedAt, play: true });
  };
  const skipBy = (seconds: number) => seekTo(currentTime + seconds);
  // The moment a bookmark or a shared link marks: where the audio is as the listener asks.
  const momentNow = () => (isMine ? nowPlaying.positionNow() : currentTime);
  const startBookmark = () => {
    if (bookmarks) setDraftAtMs(Math.round(momentNow() * 1000));
  };
  const closeBookmark = () => {
    setDraftAtMs(null);
    bookmarkButton.current?.focus();
  };

  // A new chapter while playing is said by the player's live region (now-playing-host.tsx).
  const chapterTitle = isMine
    ? chapters[chapterIndexAt(chapters, currentTime * 1000)]?.title
    : null;
  // Only a change from one chapter to another: starting to play is announced already.
  const previousChapter = useRef(chapterTitle);
  useEffect(() => {
    const previous = previousChapter.current;
    previousChapter.current = chapterTitle;
    if (chapterTitle && previous && chapterTitle !== previous && nowPlaying.getSnapshot().isPlaying)
      nowPlaying.announce(`Chapter: ${chapterTitle}`);
  }, [chapterTitle]);

  useKeyboardShortcuts({
    togglePlay,
    skipBy,
    changeVolumeBy: volume.changeVolumeBy,
    toggleMute: volume.toggleMute,
    stepSpeed: (direction) => nowPlaying.setSpeed(stepSpeed(state.speed, direction)),
    bookmark: startBookmark,
  });

  return (
    <section
      aria-label={`Player: ${sermon.title}`}
      className="rounded-2xl border border-stone-200 bg-white p-4 shadow-sm sm:p-6"
    >
      <div className="flex items-center gap-4">
        <PlayPauseButton isPlaying={isPlaying} onClick={togglePlay} />
        <div className="min-w-0 flex-1">
          {waveformUrl && (
            <Waveform
              url={waveformUrl}
              progress={duration > 0 ? Math.min(1, currentTime / duration) : 0}
              onSeek={(f) => seekTo(f * duration)}
            />
          )}
          <SeekBar
            currentTime={currentTime}
            duration={duration}
            onSeek={seekTo}
            chapters={chapters}
          />
        </div>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-2 text-sm">
        <SkipButton seconds={-SKIP_SECONDS} onClick={() => skipBy(-SKIP_SECONDS)} />
        <SkipButton seconds={SKIP_SECONDS} onClick={() => skipBy(SKIP_SECONDS)} />
        <SpeedSelect speed={state.speed} onChange={nowPlaying.setSpeed} />
        <VolumeControl
          volume={volume.volume}
          isMuted={volume.isMuted}
          onVolumeChange={volume.setVolume}
          onToggleMute={volume.toggleMute}
        />
        <ListeningOptionsControls showSaved={isMine} />
        <div className="ml-auto flex flex-wrap items-center gap-1">
          {!isMine && <AddToQueueButton item={item} />}
          <ShareButton onClick={() => void moment.share(momentNow())} />
          {bookmarks && <BookmarkButton ref={bookmarkButton} onClick={startBookmark} />}
          <KeyboardShortcutsHint />
          {sermon.downloadUrl && (
            <>
              <DownloadButton sermon={{ ...sermon, downloadUrl: sermon.downloadUrl }} />
              <a
                href={sermon.downloadUrl}
                download
                className="inline-flex items-center rounded-lg px-3 py-1.5 font-medium text-amber-800 hover:bg-amber-50"
              >
                M4A file
              </a>
            </>
          )}
        </div>
      </div>
      {bookmarks && draftAtMs !== null && (
        <BookmarkNoteForm
          key={draftAtMs}
          positionMs={draftAtMs}
          onCancel={closeBookmark}
          onSave={async (note) => {
            const saved = await bookmarks.add(draftAtMs, note);
            if (saved) closeBookmark();
            return saved;
          }}
        />
      )}
      {bookmarks?.message && (
        <p
          role="status"
          data-testid="bookmark-status"
          className={`mt-3 text-xs font-medium ${bookmarks.message.isError ? "text-red-700" : "text-emerald-700"}`}
        >
          {bookmarks.message.text}
        </p>
      )}
      {isMine && state.current?.clip && (
        <p className="mt-3 text-xs font-medium text-amber-800" data-testid="playing-moment">
          Playing a moment: {formatDuration(state.current.clip.startMs)}–
          {formatDuration(state.current.clip.endMs)}
        </p>
      )}
      {isMine && state.resumedAtMs !== null && (
        <p role="status" className="mt-3 text-xs text-stone-600" data-testid="resumed-at">
          Resumed at {formatDuration(state.resumedAtMs)} ·{" "}
          <button
            type="button"
            onClick={() => nowPlaying.seek(0)}
            className="font-medium text-amber-800 hover:underline"
          >
            Start over
          </button>
        </p>
      )}
      {moment.message && (
        <p role="status" className="mt-3 break-all text-xs font-medium text-emerald-700">
          {moment.message}
        </p>
      )}
      {isMine && state.error && (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {state.error}
        </p>
      )}
    </section>
  );
}
