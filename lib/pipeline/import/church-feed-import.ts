import { getDb } from "@/lib/platform/db/client";
import { type FeedImportInput, setFeedSync, startFeedImport } from "./start-feed-import";

/** For the admin's Import page: `startFeedImport` by an admin, on this process's database. */
export const startChurchFeedImport = (churchId: string, input: FeedImportInput) =>
  startFeedImport(getDb(), churchId, input, "admin");

/** For the admin's Import page: `setFeedSync` on this process's database. */
export const setChurchFeedSync = (churchId: string, sourceId: string, keepInSync: boolean) =>
  setFeedSync(getDb(), churchId, sourceId, keepInSync);
