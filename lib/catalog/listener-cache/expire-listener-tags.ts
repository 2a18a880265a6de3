import { revalidateTag } from "next/cache";

// What revalidateTag throws where there is no Next request (and so no cache) to expire.
const NO_NEXT_REQUEST = "Invariant: static generation store missing";

/**
 * Expires cached listener data at once (`expire: 0`: the next request reads the database,
 * rather than being served the old data while it refreshes). Next records it on the current
 * request (a server action, a route handler, or a step of an Inngest function, which runs in
 * the app's /api/inngest route) and applies it when that request ends.
 *
 * Outside a Next request (CLIs, tests, the worker) this process has no listener cache, and
 * there is nothing to expire; the data cache's time limit (`cached-for-listeners.ts`) covers
 * writes made from there.
 */
export function expireListenerTags(tags: readonly string[]): void {
  for (const tag of tags) {
    try {
      revalidateTag(tag, { expire: 0 });
    } catch (error) {
      if (error instanceof Error && error.message.startsWith(NO_NEXT_REQUEST)) return;
      throw error;
    }
  }
}
