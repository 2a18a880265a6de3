"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { deleteChurchSeries } from "@/lib/catalog/series/delete-church-series";
import { saveChurchSeries } from "@/lib/catalog/series/save-church-series";
import { seriesInputSchema } from "@/lib/catalog/series/series";
import { churchAction } from "../../_lib/church-action";

export const addSeries = churchAction(seriesInputSchema, "editor", async (input, { church }) => {
  await saveChurchSeries(church.id, null, input);
  revalidatePath(`/admin/${church.slug}/series`);
  return { ok: true, message: `Added ${input.title}.` };
});

export const removeSeries = churchAction(
  z.object({ id: z.string().min(1) }),
  "editor",
  async ({ id }, { church }) => {
    await deleteChurchSeries(church.id, id);
    revalidatePath(`/admin/${church.slug}/series`);
  },
);
