import { getDb } from "@/lib/platform/db/client";
import {
  type SermonProgressView,
  sermonProgressView,
} from "@/lib/pipeline/progress/sermon-progress-view";
import { retryFailedSermon } from "./retry-failed-sermon";

/**
 * The admin's Retry: `retryFailedSermon` on this process's database, answered with the
 * sermon's processing view as it now stands (the sermon exists: the retry found it).
 */
export async function retrySermonProcessing(
  churchId: string,
  sermonId: string,
): Promise<SermonProgressView> {
  await retryFailedSermon(getDb(), churchId, sermonId);
  return (await sermonProgressView(churchId, sermonId))!;
}
