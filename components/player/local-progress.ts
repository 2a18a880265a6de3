/**
 * A signed-out listener's saved places, in this browser's localStorage: the same thing the
 * account keeps (lib/catalog/listening/), plus what "Continue listening" shows, since there is
 * no account to look the sermon up by. One key per sermon.
 */
export interface LocalProgress {
  sermonId: string;
  positionMs: number;
  durationMs: number | null;
  /** ISO 8601. */
  updatedAt: string;
  title: string;
  /** The church (and series), as the player shows it. */
  subtitle: string | null;
  /** The sermon's page. */
  path: string;
}

const PREFIX = "selah:progress:";
/** Older places are dropped beyond this many, so storage never fills up. */
const MAX_ENTRIES = 50;

export function readLocalProgress(sermonId: string): LocalProgress | null {
  return parse(safeStorage()?.getItem(PREFIX + sermonId) ?? null);
}

export function writeLocalProgress(entry: LocalProgress): void {
  const storage = safeStorage();
  if (!storage) return;
  try {
    storage.setItem(PREFIX + entry.sermonId, JSON.stringify(entry));
    const all = listLocalProgress();
    for (const old of all.slice(MAX_ENTRIES)) storage.removeItem(PREFIX + old.sermonId);
  } catch {
    // Full or refused storage: the place is simply not remembered.
  }
}

export function removeLocalProgress(sermonId: string): void {
  safeStorage()?.removeItem(PREFIX + sermonId);
}

/** Every saved place in this browser, most recent first. */
export function listLocalProgress(): LocalProgress[] {
  const storage = safeStorage();
  if (!storage) return [];
  const entries: LocalProgress[] = [];
  for (let index = 0; index < storage.length; index++) {
    const key = storage.key(index);
    if (!key?.startsWith(PREFIX)) continue;
    const entry = parse(storage.getItem(key));
    if (entry) entries.push(entry);
  }
  return entries.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

function parse(text: string | null): LocalProgress | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<LocalProgress>;
    return typeof value.sermonId === "string" &&
      typeof value.positionMs === "number" &&
      Number.isFinite(value.positionMs) &&
      typeof value.updatedAt === "string" &&
      typeof value.title === "string" &&
      typeof value.path === "string" &&
      value.path.startsWith("/")
      ? (value as LocalProgress)
      : null;
  } catch {
    return null;
  }
}

// Private modes and strict settings may refuse storage outright.
function safeStorage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}
