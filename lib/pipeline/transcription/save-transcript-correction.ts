import { getDb } from "@/lib/platform/db/client";
import { mediaStorage } from "@/lib/platform/storage/media-storage";
import { correctSegment, type SegmentCorrection } from "./correct-segment";

/** For the transcript editor: `correctSegment` on this process's database and storage. */
export const saveTranscriptCorrection = (correction: SegmentCorrection): Promise<boolean> =>
  correctSegment({ db: getDb(), storage: mediaStorage() }, correction);
