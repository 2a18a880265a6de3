"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/lib/platform/db/client";
import { deleteSeries, saveSeries, seriesInputSchema } from "@/lib/catalog/series/series";
import { churchAction } from "../../_lib/church-action";

export const addSeries = churchAction(seriesInputSchema, "editor", async (input, { church }) => {
  await saveSeries(getDb(), church.id, null, input);
  revalidatePath(`/admin/${church.slug}/series`);
  return { ok: true, message: `Added ${input.title}.` };
});

export const removeSeries = churchAction(z.object({ id: z.string().min(1) }), "editor", async ({ id }, { church }) => {
  await deleteSeries(getDb(), church.id, id);
  revalidatePath(`/admin/${church.slug}/series`);
});
