import { BOOKMARK_LIMITS } from "@/lib/catalog/bookmarks/bookmark-limits";
import { clampNote } from "@/lib/catalog/bookmarks/clamp-note";
import type { SavedBookmark } from "@/lib/catalog/bookmarks/saved-bookmark";

/**
 * A signed-out listener's bookmarks, in this browser's localStorage: the same shape and the
 * same rules (a one-line note of at most 500 characters, 1,000 per sermon) the account keeps
 * (lib/catalog/bookmarks/). One key per sermon.
 */
const PREFIX = "selah:bookmarks:";

export function readLocalBookmarks(sermonId: string): SavedBookmark[] {
  const text = safeStorage()?.getItem(PREFIX + sermonId) ?? null;
  if (!text) return [];
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? value.filter(isBookmark).sort(byMoment) : [];
  } catch {
    return [];
  }
}

/** Adds one; the list as it is now, or an error to show (full, or storage refused). */
export function addLocalBookmark(
  sermonId: string,
  input: { positionMs: number; note: string; durationMs: number | null },
): { items: SavedBookmark[] } | { error: string } {
  const items = readLocalBookmarks(sermonId);
  if (items.length >= BOOKMARK_LIMITS.perSermon)
    return {
      error: `This sermon already has ${BOOKMARK_LIMITS.perSermon.toLocaleString("en")} bookmarks, the most it can keep. Delete some to add more.`,
    };
  const end = input.durationMs && input.durationMs > 0 ? input.durationMs : Infinity;
  const bookmark: SavedBookmark = {
    id: `local-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    sermonId,
    positionMs: Math.round(Math.min(Math.max(0, input.positionMs), end)),
    note: clampNote(input.note),
    createdAt: new Date().toISOString(),
  };
  const next = [...items, bookmark].sort(byMoment);
  return write(sermonId, next) ? { items: next } : { error: "This browser would not keep it." };
}

export function removeLocalBookmark(sermonId: string, id: string): SavedBookmark[] {
  const next = readLocalBookmarks(sermonId).filter((bookmark) => bookmark.id !== id);
  write(sermonId, next);
  return next;
}

function write(sermonId: string, items: SavedBookmark[]): boolean {
  const storage = safeStorage();
  if (!storage) return false;
  try {
    if (items.length === 0) storage.removeItem(PREFIX + sermonId);
    else storage.setItem(PREFIX + sermonId, JSON.stringify(items));
    return true;
  } catch {
    return false;
  }
}

const byMoment = (a: SavedBookmark, b: SavedBookmark) =>
  a.positionMs - b.positionMs || a.createdAt.localeCompare(b.createdAt);

function isBookmark(value: unknown): value is SavedBookmark {
  const item = value as Partial<SavedBookmark> | null;
  return (
    typeof item === "object" &&
    item !== null &&
    typeof item.id === "string" &&
    typeof item.sermonId === "string" &&
    typeof item.positionMs === "number" &&
    Number.isFinite(item.positionMs) &&
    item.positionMs >= 0 &&
    typeof item.note === "string" &&
    typeof item.createdAt === "string"
  );
}

// Private modes and strict settings may refuse storage outright.
function safeStorage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}
