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
 * first out. Only for files that never change under their key (HLS init and media segments: a
 * new upload or re-encode writes new keys), so nothing here is ever stale; whether a listener
 * may have a file is still decided on every request, before this is asked.
 */
export class MediaFileCache {
  private readonly files = new Map<string, CachedMediaFile>();
  private bytes = 0;

  constructor(
    private readonly maxBytes: number,
    /** A file larger than this is never kept (one file must not empty the cache). */
    private readonly maxFileBytes = Math.max(1, Math.floor(maxBytes / 16)),
  ) {}

  get(key: string): CachedMediaFile | undefined {
    const file = this.files.get(key);
    if (file) {
      // Map order is insertion order: moving it to the end marks it most recently used.
      this.files.delete(key);
      this.files.set(key, file);
    }
    return file;
  }

  set(key: string, file: CachedMediaFile): void {
    if (file.body.length > this.maxFileBytes || this.files.has(key)) return;
    this.files.set(key, file);
    this.bytes += file.body.length;
    for (const [oldest, evicted] of this.files) {
      if (this.bytes <= this.maxBytes) break;
      this.files.delete(oldest);
      this.bytes -= evicted.body.length;
    }
  }

  get size(): { files: number; bytes: number } {
    return { files: this.files.size, bytes: this.bytes };
  }
}

const globalForFiles = globalThis as unknown as { selahMediaFiles?: MediaFileCache | null };

/** This process's cache of served segments (MEDIA_MEMORY_CACHE_MB), or undefined when it is off. */
export function processMediaFileCache(): MediaFileCache | undefined {
  if (globalForFiles.selahMediaFiles === undefined) {
    // Only its own setting: start-up has validated the rest, and a test may set none of it.
    const megabytes = parseEnv(mediaServingEnvSchema, process.env).MEDIA_MEMORY_CACHE_MB;
    globalForFiles.selahMediaFiles =
      megabytes > 0 ? new MediaFileCache(megabytes * 1024 * 1024) : null;
  }
  return globalForFiles.selahMediaFiles ?? undefined;
}
