import { unstable_cache } from "next/cache";
import { cacheCodec } from "./cache-codec";
import { MAX_TAG_LENGTH } from "./cache-tags";

/** What a listener query gives the cache: its value, and until when it holds with no write. */
export interface ListenerData<T> {
  value: T;
  /**
   * When the value changes without a write to expire it (ms since the epoch): the time a
   * scheduled sermon goes out, or now while a sermon's media is being prepared (the
   * transcode opens it to listeners part-way through a long step). Null: only a write.
   */
  validUntil: number | null;
}

/**
 * A time limit behind the tags, for writes made outside the web app's process (the
 * `admin:create` and seed CLIs): their changes show within this many seconds.
 */
export const LISTENER_CACHE_SECONDS = 300;

type Arg = string | number;

/**
 * A listener query served from Next's data cache (`unstable_cache`, kept in memory: see
 * next.config.ts), under tags that writers expire (`cache-tags.ts`). Past its `validUntil`
 * a cached value is not used: the query runs on every request until a write (or the time
 * limit) refreshes the entry. Admin pages never use this: they read the database directly.
 */
export function cachedForListeners<Args extends Arg[], T>(
  name: string,
  tagsOf: (...args: Args) => string[],
  query: (...args: Args) => Promise<ListenerData<T>>,
): (...args: Args) => Promise<T> {
  return async (...args) => {
    const tags = tagsOf(...args);
    if (tags.some((tag) => tag.length > MAX_TAG_LENGTH)) return (await query(...args)).value;
    let fresh: ListenerData<T> | undefined;
    const read = unstable_cache(
      async () => cacheCodec.encode((fresh = await query(...args))),
      [name, JSON.stringify(args)],
      { tags, revalidate: LISTENER_CACHE_SECONDS },
    );
    const cached = cacheCodec.decode<ListenerData<T>>(await read());
    if (fresh) return fresh.value;
    if (cached.validUntil === null || Date.now() < cached.validUntil) return cached.value;
    return (await query(...args)).value;
  };
}
