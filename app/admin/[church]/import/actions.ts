"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { feedImportInputSchema } from "@/lib/pipeline/import/start-feed-import";
import { setChurchFeedSync, startChurchFeedImport } from "@/lib/pipeline/import/church-feed-import";
import { churchAction } from "../../_lib/church-action";

export const importFeed = churchAction(
  feedImportInputSchema,
  "editor",
  async (input, { church }) => {
    const { importId } = await startChurchFeedImport(church.id, input);
    redirect(`/admin/${church.slug}/import?import=${importId}`);
  },
);

export const changeFeedSync = churchAction(
  z.object({ sourceId: z.string().min(1), keepInSync: z.enum(["true", "false"]) }),
  "editor",
  async ({ sourceId, keepInSync }, { church }) => {
    await setChurchFeedSync(church.id, sourceId, keepInSync === "true");
    revalidatePath(`/admin/${church.slug}/import`);
  },
);
