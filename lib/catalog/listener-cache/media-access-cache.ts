/**
 * A few seconds' memory of what the media route looked up about a sermon, so that a listener's
 * segment requests (one every few seconds each, hundreds of listeners) do not each wait for the
 * database, which on the embedded default serves one query at a time and stalls for seconds
 * while the pipeline writes.
 *
 * Only an answer that lets a request through is reused: a lookup that would refuse one (no
 * such sermon, not visible, a version not recorded yet) is always made again, so a sermon that
 * just became playable is never turned away from memory. A remembered answer is fresh for
 * `ttlMs`; after that the next request starts a lookup in the background and is still served
 * from memory while it runs, up to `maxStaleMs` after the remembered lookup began (then requests
 * wait for the database again). Every write that changes what listeners see clears it
 * (`forgetMediaAccess`, called by invalidateChurchPages), so unpublishing or deleting a sermon
 * stops its files at once, as before; only a write from outside the web process (a CLI) waits
 * for `ttlMs`.
 */
export class MediaAccessCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private lookups = 0;
  /** Lookups that began before the last clear() may not be remembered when they land. */
  private clearedAfter = 0;

  constructor(
    private readonly options: {
      ttlMs: number;
      maxStaleMs: number;
      maxEntries: number;
      /** Milliseconds now; tests pass their own clock. */
      now?: () => number;
    },
  ) {}

  /**
   * `load()`'s answer for `key`, remembered and shared by concurrent callers, used again only
   * where `isServable` holds for it; otherwise looked up afresh.
   */
  async lookup(
    key: string,
    load: () => Promise<T | null>,
    isServable: (value: T) => boolean,
  ): Promise<T | null> {
    const entry = this.entries.get(key);
    if (entry) {
      const age = this.now() - entry.loadedAt;
      if (age < this.options.ttlMs) {
        const remembered = await entry.value.catch(() => null);
        if (remembered !== null && isServable(remembered)) return remembered;
      } else if (age < this.options.maxStaleMs) {
        const remembered = entry.settled?.value;
        if (remembered != null && isServable(remembered)) {
          if (!entry.isRefreshing) {
            entry.isRefreshing = true;
            // A failed refresh keeps the old answer (until maxStaleMs); the next request retries.
            this.start(key, load).catch(() => (entry.isRefreshing = false));
          }
          return remembered;
        }
      }
    }
    return this.start(key, load);
  }

  /** Forgets every answer, also those of lookups still under way. */
  clear(): void {
    this.entries.clear();
    this.clearedAfter = this.lookups;
  }

  get size(): number {
    return this.entries.size;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** Starts a lookup, remembered at once unless a refresh keeps the old answer until it lands. */
  private start(key: string, load: () => Promise<T | null>): Promise<T | null> {
    const fresh: Entry<T> = {
      order: ++this.lookups,
      loadedAt: this.now(),
      value: load(),
      isRefreshing: false,
    };
    const current = this.entries.get(key);
    if (!(current?.isRefreshing && current.settled)) this.remember(key, fresh);
    fresh.value.then(
      (value) => {
        fresh.settled = { value };
        if (fresh.order <= this.clearedAfter) return;
        const remembered = this.entries.get(key);
        // Replaces the answer it refreshes, never one looked up after it.
        if (!remembered || remembered.order < fresh.order) this.remember(key, fresh);
      },
      () => {
        // A failed lookup is not remembered; its caller sees the error.
        if (this.entries.get(key) === fresh) this.entries.delete(key);
      },
    );
    return fresh.value;
  }

  private remember(key: string, entry: Entry<T>): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    // A Map iterates in insertion order: the first key holds the oldest lookup.
    while (this.entries.size > this.options.maxEntries) {
      this.entries.delete(this.entries.keys().next().value!);
    }
  }
}

interface Entry<T> {
  /** Lookups in the order they began. */
  order: number;
  /** When the lookup behind this answer began. */
  loadedAt: number;
  value: Promise<T | null>;
  /** The answer, once it arrived. */
  settled?: { value: T | null };
  /** A newer lookup is under way in the background. */
  isRefreshing: boolean;
}

const globalForMedia = globalThis as unknown as { selahMediaAccess?: MediaAccessCache<unknown> };

/**
 * This process's media lookups: fresh for 5 s (a listener asks again every segment, every few
 * seconds), then refreshed in the background; waited for again after a minute without an answer.
 */
export function processMediaAccessCache<T>(): MediaAccessCache<T> {
  globalForMedia.selahMediaAccess ??= new MediaAccessCache({
    ttlMs: 5_000,
    maxStaleMs: 60_000,
    maxEntries: 10_000,
  });
  return globalForMedia.selahMediaAccess as MediaAccessCache<T>;
}

/** After a write that changes what listeners may play: the next media request asks the database. */
export function forgetMediaAccess(): void {
  globalForMedia.selahMediaAccess?.clear();
}
