/**
 * What the listener's player holds, as plain data: the item now playing and the queue after
 * it ("up next"), with the rules for moving through them and for keeping them in this browser.
 * No audio here: now-playing-store.ts applies these to the one `<audio>` element.
 */
import type { PlayableSermon } from "@/lib/catalog/playback/playable-sermons";

/** A stretch of a sermon to play and then move on from: a cited moment of an answer. */
export interface NowPlayingClip {
  startMs: number;
  endMs: number;
}

/** One thing the player can play: a whole sermon, or a clip of one. */
export interface NowPlayingItem extends Omit<PlayableSermon, "id"> {
  /** Names it in the queue: the sermon's id, and a clip's start. */
  key: string;
  sermonId: string;
  clip: NowPlayingClip | null;
}

export interface NowPlayingQueue {
  current: NowPlayingItem | null;
  /** Seconds into the current item's sermon (a clip's too: sermon time, not clip time). */
  positionSec: number;
  upNext: NowPlayingItem[];
}

export const EMPTY_QUEUE: NowPlayingQueue = { current: null, positionSec: 0, upNext: [] };

/** The most a queue keeps; more is refused rather than growing storage without end. */
export const MAX_QUEUE_LENGTH = 100;

/** A sermon (clip or not) as an item: its key says which stretch of it. */
export const itemKey = (sermonId: string, clip: NowPlayingClip | null) =>
  clip ? `${sermonId}@${clip.startMs}-${clip.endMs}` : sermonId;

/** Where an item starts playing, in seconds of its sermon. */
export const startOf = (item: NowPlayingItem) => (item.clip ? item.clip.startMs / 1000 : 0);

/** Plays `item` now, at `positionSec` (its start by default); the queue stays. */
export function playNow(
  queue: NowPlayingQueue,
  item: NowPlayingItem,
  positionSec = startOf(item),
): NowPlayingQueue {
  return {
    current: item,
    positionSec,
    upNext: queue.upNext.filter((queued) => queued.key !== item.key),
  };
}

/**
 * Adds `item` to the end of the queue; with nothing playing it becomes the current item.
 * An item already queued (or playing) is not added twice.
 */
export function enqueue(queue: NowPlayingQueue, item: NowPlayingItem): NowPlayingQueue {
  if (!queue.current) return { current: item, positionSec: startOf(item), upNext: queue.upNext };
  if (queue.current.key === item.key || queue.upNext.some((queued) => queued.key === item.key))
    return queue;
  if (queue.upNext.length >= MAX_QUEUE_LENGTH) return queue;
  return { ...queue, upNext: [...queue.upNext, item] };
}

/** Replaces everything with `items`, the first playing from its start ("Play the answer"). */
export function replaceWith(items: readonly NowPlayingItem[]): NowPlayingQueue {
  const unique = items.filter(
    (item, index) => items.findIndex((other) => other.key === item.key) === index,
  );
  const [first, ...rest] = unique.slice(0, MAX_QUEUE_LENGTH + 1);
  return first ? { current: first, positionSec: startOf(first), upNext: rest } : EMPTY_QUEUE;
}

/** Moves on to the first queued item; with none queued, nothing plays. */
export function advance(queue: NowPlayingQueue): NowPlayingQueue {
  const [next, ...rest] = queue.upNext;
  return next ? { current: next, positionSec: startOf(next), upNext: rest } : EMPTY_QUEUE;
}

/** The queue without its item at `index`. */
export function removeAt(queue: NowPlayingQueue, index: number): NowPlayingQueue {
  if (index < 0 || index >= queue.upNext.length) return queue;
  return { ...queue, upNext: queue.upNext.filter((_, at) => at !== index) };
}

/** The queue with its item at `from` moved to `to` (both clamped to the queue). */
export function moveTo(queue: NowPlayingQueue, from: number, to: number): NowPlayingQueue {
  const last = queue.upNext.length - 1;
  if (from < 0 || from > last) return queue;
  const target = Math.max(0, Math.min(last, to));
  if (target === from) return queue;
  const upNext = [...queue.upNext];
  const [moved] = upNext.splice(from, 1);
  upNext.splice(target, 0, moved!);
  return { ...queue, upNext };
}

/** True once a clip has played to its end (a whole sermon ends with its media). */
export function hasClipEnded(item: NowPlayingItem, positionSec: number): boolean {
  return item.clip !== null && positionSec * 1000 >= item.clip.endMs;
}

// In storage. A version, so a later shape can ignore an older one instead of misreading it.
const STORAGE_VERSION = 1;

export function serializeQueue(queue: NowPlayingQueue): string {
  return JSON.stringify({ v: STORAGE_VERSION, ...queue });
}

/**
 * The queue kept in storage, or the empty queue for anything else: missing, not JSON, an older
 * version, or items that are not playable (a broken entry is dropped, the rest kept).
 */
export function parseStoredQueue(text: string | null | undefined): NowPlayingQueue {
  if (!text) return EMPTY_QUEUE;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return EMPTY_QUEUE;
  }
  if (!isRecord(value) || value.v !== STORAGE_VERSION) return EMPTY_QUEUE;
  const current = parseItem(value.current);
  const upNext = (Array.isArray(value.upNext) ? value.upNext : [])
    .map(parseItem)
    .filter((item) => item !== null)
    .slice(0, MAX_QUEUE_LENGTH);
  if (!current) return { ...EMPTY_QUEUE, upNext };
  const position = typeof value.positionSec === "number" ? value.positionSec : NaN;
  const length = current.durationMs === null ? Infinity : current.durationMs / 1000;
  const positionSec =
    Number.isFinite(position) && position >= 0 ? Math.min(position, length) : startOf(current);
  return { current, positionSec, upNext };
}

function parseItem(value: unknown): NowPlayingItem | null {
  if (!isRecord(value)) return null;
  const text = (key: string) => (typeof value[key] === "string" ? (value[key] as string) : null);
  const sermonId = text("sermonId");
  const title = text("title");
  const church = text("church");
  const href = text("href");
  const streamUrl = text("streamUrl");
  // Only this site's own paths: a tampered entry must not point the player elsewhere.
  if (!sermonId || !title || church === null || !isLocalPath(href) || !isLocalPath(streamUrl))
    return null;
  const downloadUrl = text("downloadUrl");
  const durationMs = value.durationMs;
  const clip = parseClip(value.clip);
  if (clip === undefined) return null;
  return {
    key: itemKey(sermonId, clip),
    sermonId,
    title,
    speaker: text("speaker"),
    church,
    series: text("series"),
    href,
    streamUrl,
    downloadUrl: isLocalPath(downloadUrl) ? downloadUrl : null,
    durationMs:
      typeof durationMs === "number" && Number.isFinite(durationMs) && durationMs > 0
        ? durationMs
        : null,
    clip,
  };
}

/** A clip, null for none, undefined for one that makes no sense. */
function parseClip(value: unknown): NowPlayingClip | null | undefined {
  if (value === null || value === undefined) return null;
  if (!isRecord(value)) return undefined;
  const { startMs, endMs } = value;
  if (typeof startMs !== "number" || typeof endMs !== "number") return undefined;
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs) || startMs < 0 || endMs <= startMs)
    return undefined;
  return { startMs, endMs };
}

const isLocalPath = (value: string | null): value is string =>
  value !== null && value.startsWith("/") && !value.startsWith("//");

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
