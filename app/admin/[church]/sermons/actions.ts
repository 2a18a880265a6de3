"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { saveChurchSermon } from "@/lib/catalog/sermons/save-church-sermon";
import { sermonInputSchema } from "@/lib/catalog/sermons/sermon-input";
import { requestManuscriptAlignmentFor } from "@/lib/pipeline/transcription/manuscript/request-manuscript-alignment-for";
import { churchAction } from "../../_lib/church-action";

const createSchema = sermonInputSchema;
const updateSchema = z.object({ sermonId: z.string().min(1) }).and(sermonInputSchema);

export const createSermon = churchAction(createSchema, "editor", async (input, { church }) => {
  const sermonId = await saveChurchSermon(church.id, null, input);
  revalidatePath(`/admin/${church.slug}`);
  redirect(`/admin/${church.slug}/sermons/${sermonId}?created=1`);
});

export const updateSermon = churchAction(
  updateSchema,
  "editor",
  async ({ sermonId, ...input }, { church }) => {
    await saveChurchSermon(church.id, sermonId, input);
    // A transcribed sermon's new (or removed) manuscript re-aligns its transcript.
    await requestManuscriptAlignmentFor({ churchId: church.id, sermonId });
    revalidatePath(`/admin/${church.slug}`);
    return { ok: true, id: sermonId };
  },
);
