import type { z } from "zod";
import { getDb } from "@/lib/platform/db/client";
import { saveSpeaker, type speakerInputSchema } from "./speakers";

/** For admin actions: `saveSpeaker` on this process's database. Returns the speaker's id. */
export const saveChurchSpeaker = (
  churchId: string,
  speakerId: string | null,
  input: z.output<typeof speakerInputSchema>,
) => saveSpeaker(getDb(), churchId, speakerId, input);
