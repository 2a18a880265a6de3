import { LRUCache } from "lru-cache";
import { mediaServingEnvSchema } from "@/lib/platform/config/media-serving-env";
import { parseEnv } from "@/lib/platform/config/parse-env";

/** One file as storage answered it, whole. */
export interface CachedMediaFile {
  body: Uint8Array;
  etag?: string;
  lastModified?: Date;
}

/**
 * The most recently served media files, whole, up to `maxBytes` in total: least recently used
 * first out. Only for files that never change under their key (HLS segments and the download: a
 * new upload or re-encode writes new keys), so nothing here is ever stale; whether a listener
 * may have a file is still decided on every request, before this is asked.
 */
export class MediaFileCache {
  private readonly files: LRUCache<string, CachedMediaFile>;
  /** Files being read whole from storage to be kept, so a burst of requests reads each once. */
  private readonly filling = new Map<string, Promise<void>>();

  constructor(
    maxBytes: number,
    /** A file larger than this is never kept (one file must not empty the cache). */
    readonly maxFileBytes = Math.max(1, Math.floor(maxBytes / 4)),
  ) {
    this.files = new LRUCache({
      maxSize: maxBytes,
      maxEntrySize: maxFileBytes,
      sizeCalculation: (file) => Math.max(1, file.body.length),
    });
  }

  get(key: string): CachedMediaFile | undefined {
    return this.files.get(key);
  }

  set(key: string, file: CachedMediaFile): void {
    if (file.body.length > this.maxFileBytes || this.files.has(key)) return;
    this.files.set(key, file);
  }

  /**
   * Reads `key` whole with `read` and keeps it, unless it is kept or being read already; never
   * rejects (a failed read only means the next request goes to storage again).
   */
  fill(key: string, read: () => Promise<CachedMediaFile>): Promise<void> {
    const pending = this.filling.get(key);
    if (pending) return pending;
    if (this.files.has(key)) return Promise.resolve();
    const filled = read()
      .then(
        (file) => this.set(key, file),
        () => undefined,
      )
      .finally(() => this.filling.delete(key));
    this.filling.set(key, filled);
    return filled;
  }

  get size(): { files: number; bytes: number } {
    return { files: this.files.size, bytes: this.files.calculatedSize };
  }
}

const globalForFiles = globalThis as unknown as { selahMediaFiles?: MediaFileCache | null };

/** This process's cache of served files (MEDIA_MEMORY_CACHE_MB), or undefined when it is off. */
export function processMediaFileCache(): MediaFileCache | undefined {
  if (globalForFiles.selahMediaFiles === undefined) {
    // Only its own setting: start-up has validated the rest, and a test may set none of it.
    const megabytes = parseEnv(mediaServingEnvSchema, process.env).MEDIA_MEMORY_CACHE_MB;
    globalForFiles.selahMediaFiles =
      megabytes > 0 ? new MediaFileCache(megabytes * 1024 * 1024) : null;
  }
  return globalForFiles.selahMediaFiles ?? undefined;
}
