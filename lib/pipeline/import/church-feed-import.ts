import { importEnv } from "@/lib/platform/config/import-env";
import { getDb } from "@/lib/platform/db/client";
import { assertFetchable } from "@/lib/platform/net/safe-fetch";
import { fetchSettings } from "./import-deps";
import { type FeedImportInput, setFeedSync, startFeedImport } from "./start-feed-import";

/**
 * For the admin's Import page: `startFeedImport` by an admin, on this process's database,
 * once the address passes the fetch's checks (a private or unknown host is refused on the form).
 */
export async function startChurchFeedImport(churchId: string, input: FeedImportInput) {
  await assertFetchable(input.url, fetchSettings(importEnv()));
  return startFeedImport(getDb(), churchId, input, "admin");
}

/** For the admin's Import page: `setFeedSync` on this process's database. */
export const setChurchFeedSync = (churchId: string, sourceId: string, keepInSync: boolean) =>
  setFeedSync(getDb(), churchId, sourceId, keepInSync);
