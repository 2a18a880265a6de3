"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { MAX_SEGMENT_CHARS } from "@/lib/pipeline/transcription/correct-segment";
import { saveTranscriptCorrection } from "@/lib/pipeline/transcription/save-transcript-correction";
import { churchAction } from "../../../../_lib/church-action";

const correctionSchema = z.object({
  sermonId: z.string().min(1),
  segmentId: z.string().min(1),
  text: z
    .string()
    .trim()
    .min(1, "A segment cannot be empty.")
    .max(MAX_SEGMENT_CHARS, `Keep it under ${MAX_SEGMENT_CHARS} characters.`),
});

// Another church's or a vanished segment is a SegmentNotFoundError, which churchAction answers.
export const correctTranscriptSegment = churchAction(
  correctionSchema,
  "editor",
  async (input, { church }, user) => {
    const changed = await saveTranscriptCorrection({
      churchId: church.id,
      sermonId: input.sermonId,
      segmentId: input.segmentId,
      text: input.text,
      editedById: user.id,
    });
    revalidatePath(`/admin/${church.slug}/sermons/${input.sermonId}/transcript`);
    return {
      ok: true,
      message: changed
        ? "Saved. Search will pick up the correction shortly."
        : "No change to save.",
    };
  },
);
