import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const MB = 2 ** 20;
/** Postgres's own default, and all a small installation needs. */
const MIN_CACHE_MB = 128;
/**
 * The embedded database's WebAssembly heap ends at 2 GB, which the cache shares with index
 * builds (maintenance_work_mem up to 512 MB) and queries; and Postgres fills its cache's
 * memory as it starts, so the process holds all of it from then on.
 */
const MAX_CACHE_MB = 512;

/** Bytes of the files under `dir` (0 when it does not exist yet). */
export function directoryBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(path.join(entry.parentPath, entry.name)).size, 0);
}

/**
 * The embedded database's page cache (shared_buffers) for a data dir of `dataBytes`: half of
 * it, in steps of 64 MB, between Postgres's 128 MB and 512 MB. Read at start, so an
 * installation's cache grows with it from one start to the next. At 100,000 moments (1.1 GB
 * on disk) 128 MB held too little of the moments' tables and indexes: a hybrid search read
 * pages back from disk (p50/p95 19–22/38–51 ms), where 512 MB kept them (13–14/21–23 ms).
 */
export function databaseCacheMb(dataBytes: number): number {
  const half = Math.round(dataBytes / 2 / MB / 64) * 64;
  return Math.min(MAX_CACHE_MB, Math.max(MIN_CACHE_MB, half));
}
