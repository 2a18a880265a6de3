import { getDb } from "@/lib/platform/db/client";
import { deleteSpeaker } from "./speakers";

/** For admin actions: `deleteSpeaker` on this process's database. */
export const deleteChurchSpeaker = (churchId: string, speakerId: string) =>
  deleteSpeaker(getDb(), churchId, speakerId);
