import { getDb } from "@/lib/platform/db/client";
import { saveSermon } from "./save-sermon";
import type { SermonInput } from "./sermon-input";

/** For admin actions: `saveSermon` on this process's database. Returns the sermon's id. */
export const saveChurchSermon = (churchId: string, sermonId: string | null, input: SermonInput) =>
  saveSermon(getDb(), churchId, sermonId, input);
