"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { deleteChurchSpeaker } from "@/lib/catalog/speakers/delete-church-speaker";
import { saveChurchSpeaker } from "@/lib/catalog/speakers/save-church-speaker";
import { speakerInputSchema } from "@/lib/catalog/speakers/speakers";
import { churchAction } from "../../_lib/church-action";

export const addSpeaker = churchAction(speakerInputSchema, "editor", async (input, { church }) => {
  await saveChurchSpeaker(church.id, null, input);
  revalidatePath(`/admin/${church.slug}/speakers`);
  return { ok: true, message: `Added ${input.name}.` };
});

export const removeSpeaker = churchAction(
  z.object({ id: z.string().min(1) }),
  "editor",
  async ({ id }, { church }) => {
    await deleteChurchSpeaker(church.id, id);
    revalidatePath(`/admin/${church.slug}/speakers`);
  },
);
