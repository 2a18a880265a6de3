import { getDb } from "@/lib/platform/db/client";
import { transcriptQuality } from "./transcript-quality";

/** For the admin's sermon list: `transcriptQuality` on this process's database. */
export const getChurchTranscriptQuality = (churchId: string) =>
  transcriptQuality(getDb(), churchId);
