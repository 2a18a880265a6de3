"use server";

import { revalidatePath } from "next/cache";
import { churchSettingsSchema, updateChurchSettings } from "@/lib/catalog/churches/church-settings";
import { churchAction } from "../../_lib/church-action";

export const saveChurchSettings = churchAction(
  churchSettingsSchema,
  "admin",
  async (input, { church }) => {
    await updateChurchSettings(church.id, input);
    revalidatePath(`/admin/${church.slug}`, "layout");
    revalidatePath("/");
  },
);
