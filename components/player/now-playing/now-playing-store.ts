"use client";

import { downloads } from "@/components/offline/downloads-store";
import { attachFileSource } from "../attach-file-source";
import { attachHlsSource } from "../attach-hls-source";
import { type ConnectionHints, progressiveSourceFor } from "../progressive-source";
import { describeItem } from "./describe-item";
import { fetchNextInSeries } from "./now-playing-api";
import {
  advance,
  EMPTY_QUEUE,
  enqueue as enqueueItem,
  hasClipEnded,
  moveTo as moveItem,
  type NowPlayingItem,
  type NowPlayingQueue,
  parseStoredQueue,
  playNow,
  removeAt as removeItem,
  replaceWith,
  serializeQueue,
  startOf,
} from "./now-playing-queue";

/** What every view of the player renders from (the mini player, the sermon page's player). */
export interface NowPlayingSnapshot {
  current: NowPlayingItem | null;
  upNext: readonly NowPlayingItem[];
  /** The next sermon of the current one's series: what plays when the queue runs out. */
  seriesNext: NowPlayingItem | null;
  /** The one `<audio>` element, once the player host has rendered it. */
  audio: HTMLAudioElement | null;
  isPlaying: boolean;
  /** Seconds into the current sermon. */
  currentTime: number;
  /** Seconds of the current sermon (the server's length, the stream's until it is known). */
  duration: number;
  speed: number;
  /** Where the current item was taken back to (a reload, a saved place); cleared on play. */
  resumedAtMs: number | null;
  error: string | null;
  /** The latest change worth saying to a screen reader (the host's live region speaks it). */
  announcement: string;
}

const STORAGE_KEY = "selah:now-playing";
/** While playing, the position is written at most this often (and on every pause or change). */
const PERSIST_EVERY_MS = 5_000;
/** A new item's first reports of time may still be the previous source's; this close counts. */
const ARRIVAL_TOLERANCE_SEC = 3;
/** A restored position nearer the start than this is not worth saying "Resumed at". */
const RESUME_MARGIN_MS = 5_000;

const SERVER_SNAPSHOT: NowPlayingSnapshot = {
  current: null,
  upNext: [],
  seriesNext: null,
  audio: null,
  isPlaying: false,
  currentTime: 0,
  duration: 0,
  speed: 1,
  resumedAtMs: null,
  error: null,
  announcement: "",
};

let snapshot = SERVER_SNAPSHOT;
let isInitialised = false;
const listeners = new Set<() => void>();
let detachSource: (() => void) | null = null;
let attachedStream: string | null = null;
/** Where the current item should be once its source reports time; null once it is there. */
let arrivingAt: number | null = null;
let wantsToPlay = false;
let lastPersistedAt = 0;
let announcementCount = 0;
/** The item whose start was just announced ("Now playing"), so its play event is not again. */
let introducedKey: string | null = null;

function set(patch: Partial<NowPlayingSnapshot>) {
  snapshot = { ...snapshot, ...patch };
  for (const listener of listeners) listener();
}

const durationOf = (item: NowPlayingItem | null) => (item?.durationMs ? item.durationMs / 1000 : 0);

function announce(text: string) {
  // A repeated message must still change the region's text for it to be spoken again.
  announcementCount++;
  set({ announcement: announcementCount % 2 ? text : `${text}\u00a0` });
}

function ensureInitialised() {
  if (isInitialised || typeof window === "undefined") return;
  isInitialised = true;
  const restored = parseStoredQueue(readStorage());
  if (restored.current) {
    const resumedAt = Math.round(restored.positionSec * 1000);
    snapshot = {
      ...snapshot,
      current: restored.current,
      upNext: restored.upNext,
      currentTime: restored.positionSec,
      duration: durationOf(restored.current),
      resumedAtMs:
        resumedAt - (restored.current.clip?.startMs ?? 0) >= RESUME_MARGIN_MS ? resumedAt : null,
    };
    lookUpSeriesNext(restored.current);
  } else if (restored.upNext.length) {
    snapshot = { ...snapshot, upNext: restored.upNext };
  }
  window.addEventListener("pagehide", () => persist());
}

function readStorage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function persist() {
  lastPersistedAt = Date.now();
  const queue: NowPlayingQueue = {
    current: snapshot.current,
    positionSec: snapshot.currentTime,
    upNext: [...snapshot.upNext],
  };
  try {
    if (queue.current || queue.upNext.length)
      window.localStorage.setItem(STORAGE_KEY, serializeQueue(queue));
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Full or refused storage: the player just is not restored after a reload.
  }
}

/** Puts the current item's stream on the element (or moves within it) at `positionSec`. */
function applySource(positionSec: number) {
  const audio = snapshot.audio;
  const item = snapshot.current;
  if (!audio) return;
  if (!item) {
    detachSource?.();
    detachSource = null;
    attachedStream = null;
    audio.removeAttribute("src");
    audio.load();
    return;
  }
  arrivingAt = positionSec;
  if (attachedStream === item.streamUrl && audio.readyState >= HTMLMediaElement.HAVE_METADATA) {
    // Another stretch of the same recording: a seek, not a new stream.
    audio.currentTime = positionSec;
    if (wantsToPlay) startPlaying(audio);
    return;
  }
  detachSource?.();
  detachSource = null;
  attachedStream = null;
  // Downloaded: the file on the device, which plays with the network off.
  const downloaded = downloads.find(item.sermonId);
  if (!downloaded && !navigator.onLine) {
    // Nothing to fetch. (The browser's cache may hold the start of the file, which would play
    // and then stop short as if it had ended.) Say why now; play() tries again once online.
    reportError("");
    return;
  }
  if (snapshot.error) set({ error: null });
  attachedStream = item.streamUrl;
  const options = { onAttached: () => wantsToPlay && startPlaying(audio) };
  detachSource = downloaded
    ? attachFileSource(audio, downloaded.downloadUrl, positionSec, reportError, options)
    : attachHlsSource(audio, item.streamUrl, positionSec, reportError, {
        ...options,
        progressiveSrc: progressiveSourceFor(
          item.downloadUrl,
          (navigator as { connection?: ConnectionHints }).connection,
        ),
      });
}

function reportError(message: string) {
  const offline = typeof navigator !== "undefined" && !navigator.onLine;
  const text = offline
    ? "You are offline, and this sermon is not downloaded. Download it to listen without a connection."
    : message;
  set({ error: text });
  announce(text);
}

function startPlaying(audio: HTMLAudioElement) {
  void audio.play().catch(() => {
    // Refused (no gesture yet, or the source changed meanwhile): the listener presses play.
    wantsToPlay = false;
    set({ isPlaying: false });
  });
}

/** Makes `queue` the player's, starting its current item at its position. */
function take(queue: NowPlayingQueue, { play }: { play: boolean }) {
  const previous = snapshot.current;
  wantsToPlay = play && queue.current !== null;
  set({
    current: queue.current,
    upNext: queue.upNext,
    currentTime: queue.positionSec,
    duration: durationOf(queue.current),
    resumedAtMs: null,
    error: null,
    seriesNext: previous?.sermonId === queue.current?.sermonId ? snapshot.seriesNext : null,
  });
  if (queue.current && previous?.key !== queue.current.key) lookUpSeriesNext(queue.current);
  applySource(queue.positionSec);
  if (!play) snapshot.audio?.pause();
  persist();
}

const queueOf = (): NowPlayingQueue => ({
  current: snapshot.current,
  positionSec: snapshot.currentTime,
  upNext: [...snapshot.upNext],
});

/** Only after a whole sermon: a clip's listener asked for those moments, not a series. */
function lookUpSeriesNext(item: NowPlayingItem) {
  if (item.clip) return;
  void fetchNextInSeries(item.sermonId).then((next) => {
    if (snapshot.current?.key === item.key) set({ seriesNext: next });
  });
}

/** The current item is done: the queue's next, else the series' next, else stop. */
function finishCurrent() {
  const queue = queueOf();
  if (queue.upNext.length) {
    const next = advance(queue);
    take(next, { play: true });
    introducedKey = next.current!.key;
    announce(`Now playing: ${describeItem(next.current!)}`);
    return;
  }
  const seriesNext = snapshot.current?.clip ? null : snapshot.seriesNext;
  if (seriesNext) {
    take(playNow(EMPTY_QUEUE, seriesNext), { play: true });
    introducedKey = seriesNext.key;
    announce(`Next in the series: ${describeItem(seriesNext)}`);
    return;
  }
  wantsToPlay = false;
  snapshot.audio?.pause();
  if (snapshot.current?.clip) {
    // The last moment of an answer: stay on it, ready to hear again, rather than play on.
    set({ currentTime: snapshot.current.clip.endMs / 1000 });
  }
  persist();
  announce("The queue has finished.");
}

function onAudioEvent(event: Event) {
  const audio = event.currentTarget as HTMLAudioElement;
  switch (event.type) {
    case "play":
      wantsToPlay = true;
      set({ isPlaying: true, resumedAtMs: null });
      // "Now playing …" was said already when the queue moved on to it.
      if (snapshot.current && snapshot.current.key !== introducedKey)
        announce(`Playing: ${snapshot.current.title}`);
      introducedKey = null;
      return;
    case "pause":
      set({ isPlaying: false });
      persist();
      // Paused from outside Selah's controls (media keys, another app taking the audio);
      // the end of a sermon or a moment pauses too, and finishCurrent says what comes next.
      if (wantsToPlay && !audio.ended) announce("Paused");
      return;
    case "ended":
      set({ isPlaying: false });
      finishCurrent();
      return;
    case "ratechange":
      set({ speed: audio.playbackRate });
      return;
    case "durationchange":
      if (!snapshot.current?.durationMs && Number.isFinite(audio.duration))
        set({ duration: audio.duration });
      return;
    case "timeupdate":
    case "seeked": {
      const time = audio.currentTime;
      if (arrivingAt !== null) {
        if (Math.abs(time - arrivingAt) > ARRIVAL_TOLERANCE_SEC) return;
        arrivingAt = null;
      }
      set({ currentTime: time });
      const item = snapshot.current;
      if (item && hasClipEnded(item, time) && !audio.paused) finishCurrent();
      else if (Date.now() - lastPersistedAt > PERSIST_EVERY_MS) persist();
    }
  }
}

const AUDIO_EVENTS = [
  "play",
  "pause",
  "ended",
  "ratechange",
  "durationchange",
  "timeupdate",
  "seeked",
] as const;

/**
 * The listener's player: one `<audio>` for the whole visit, what it plays and what comes
 * next. Views subscribe (use-now-playing.ts) and send commands; the host (now-playing-host.tsx)
 * lends it the element. Kept in this browser, so a reload finds it again, paused.
 */
export const nowPlaying = {
  subscribe(listener: () => void) {
    ensureInitialised();
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
  getSnapshot(): NowPlayingSnapshot {
    ensureInitialised();
    return snapshot;
  },
  getServerSnapshot: (): NowPlayingSnapshot => SERVER_SNAPSHOT,

  /** The host's element arrives (or leaves): the current item's stream goes onto it. */
  attachAudio(audio: HTMLAudioElement | null) {
    ensureInitialised();
    const previous = snapshot.audio;
    if (previous === audio) return;
    if (previous) {
      for (const name of AUDIO_EVENTS) previous.removeEventListener(name, onAudioEvent);
      detachSource?.();
      detachSource = null;
      attachedStream = null;
    }
    set({ audio, isPlaying: false });
    if (!audio) return;
    audio.defaultPlaybackRate = audio.playbackRate = snapshot.speed;
    for (const name of AUDIO_EVENTS) audio.addEventListener(name, onAudioEvent);
    if (snapshot.current) applySource(snapshot.currentTime);
  },

  /** Plays `item` now (or makes it current, paused), at `startAt` seconds; the queue stays. */
  load(item: NowPlayingItem, { startAt, play }: { startAt?: number; play: boolean }) {
    ensureInitialised();
    take(playNow(queueOf(), item, startAt ?? startOf(item)), { play });
  },

  /** Replaces the queue with `items` and plays them in order ("Play the answer"). */
  playAll(items: readonly NowPlayingItem[]) {
    ensureInitialised();
    const queue = replaceWith(items);
    take(queue, { play: true });
    if (queue.current) {
      introducedKey = queue.current.key;
      announce(`Now playing: ${describeItem(queue.current)}`);
    }
  },

  enqueue(item: NowPlayingItem) {
    ensureInitialised();
    const wasEmpty = !snapshot.current;
    const queue = enqueueItem(queueOf(), item);
    if (wasEmpty) take(queue, { play: false });
    else {
      set({ upNext: queue.upNext });
      persist();
    }
    announce(wasEmpty ? `Ready to play: ${item.title}` : `Added to the queue: ${item.title}`);
  },

  play() {
    const audio = snapshot.audio;
    wantsToPlay = true;
    if (!audio) return;
    if (attachedStream) startPlaying(audio);
    // Nothing attached: the network was off when the sermon was cued.
    else if (snapshot.current) applySource(snapshot.currentTime);
  },
  pause() {
    if (snapshot.isPlaying) announce("Paused");
    wantsToPlay = false;
    snapshot.audio?.pause();
  },
  togglePlay() {
    if (snapshot.isPlaying) nowPlaying.pause();
    else nowPlaying.play();
  },

  seek(seconds: number) {
    const audio = snapshot.audio;
    const end = snapshot.duration || Infinity;
    let target = Math.max(0, Math.min(seconds, end));
    if (audio && audio.seekable.length) {
      // While the stream is still growing, only what is already published can be reached.
      target = Math.min(target, audio.seekable.end(audio.seekable.length - 1));
    }
    set({ currentTime: target, resumedAtMs: null });
    if (!audio || !attachedStream) return;
    if (audio.readyState >= HTMLMediaElement.HAVE_METADATA) {
      arrivingAt = null;
      audio.currentTime = target;
    } else {
      // Not loaded yet: start there instead.
      applySource(target);
    }
  },
  skipBy(seconds: number) {
    nowPlaying.seek(snapshot.currentTime + seconds);
  },
  /**
   * Where playback is this instant: `currentTime` in the snapshot trails the audio by up to a
   * quarter second (it follows `timeupdate`), too late for "mark this moment".
   */
  positionNow(): number {
    const audio = snapshot.audio;
    if (!audio || !attachedStream || arrivingAt !== null) return snapshot.currentTime;
    return audio.currentTime;
  },
  setSpeed(speed: number) {
    set({ speed });
    const audio = snapshot.audio;
    if (audio) audio.defaultPlaybackRate = audio.playbackRate = speed;
  },

  /** Skips to what comes next. */
  playNext() {
    if (snapshot.upNext.length || snapshot.seriesNext) finishCurrent();
  },
  removeFromQueue(index: number) {
    const item = snapshot.upNext[index];
    set({ upNext: removeItem(queueOf(), index).upNext });
    persist();
    if (item) announce(`Removed from the queue: ${item.title}`);
  },
  moveInQueue(from: number, to: number) {
    set({ upNext: moveItem(queueOf(), from, to).upNext });
    persist();
  },
  clearQueue() {
    set({ upNext: [] });
    persist();
    announce("The queue is empty.");
  },
  /** Says `text` to screen readers through the player's live region (a chapter begins). */
  announce(text: string) {
    announce(text);
  },
  /** Stops, and forgets the current item and the queue (the mini player's close). */
  close() {
    take(EMPTY_QUEUE, { play: false });
    announce("The player is closed.");
  },

  /** A saved place for the current sermon, found after it was loaded (use-saved-position.ts). */
  resumeAt(sermonId: string, positionMs: number) {
    if (snapshot.current?.sermonId !== sermonId || snapshot.isPlaying) return;
    nowPlaying.seek(positionMs / 1000);
    set({ resumedAtMs: positionMs });
  },
  dismissResumed() {
    set({ resumedAtMs: null });
  },
};
