"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/lib/platform/db/client";
import { deleteSpeaker, saveSpeaker, speakerInputSchema } from "@/lib/catalog/speakers/speakers";
import { churchAction } from "../../_lib/church-action";

export const addSpeaker = churchAction(speakerInputSchema, "editor", async (input, { church }) => {
  await saveSpeaker(getDb(), church.id, null, input);
  revalidatePath(`/admin/${church.slug}/speakers`);
  return { ok: true, message: `Added ${input.name}.` };
});

export const removeSpeaker = churchAction(z.object({ id: z.string().min(1) }), "editor", async ({ id }, { church }) => {
  await deleteSpeaker(getDb(), church.id, id);
  revalidatePath(`/admin/${church.slug}/speakers`);
});
