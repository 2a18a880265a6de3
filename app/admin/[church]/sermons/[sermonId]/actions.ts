"use server";

import { revalidatePath } from "next/cache";
import {
  chapterChangeSchema,
  chapterRefSchema,
  newChapterSchema,
} from "@/lib/catalog/chapters/chapter-input";
import {
  addChurchChapter,
  changeChurchChapter,
  deleteChurchChapter,
} from "@/lib/catalog/chapters/edit-chapters";
import { churchAction } from "../../../_lib/church-action";

// Another church's sermon or chapter is answered as one that does not exist (edit-chapters.ts).

export const addChapter = churchAction(newChapterSchema, "editor", async (input, { church }) => {
  await addChurchChapter(church.id, input);
  revalidatePath(`/admin/${church.slug}/sermons/${input.sermonId}`);
  return { ok: true, message: "Chapter added." };
});

export const updateChapter = churchAction(
  chapterChangeSchema,
  "editor",
  async (input, { church }) => {
    const changed = await changeChurchChapter(church.id, input);
    revalidatePath(`/admin/${church.slug}/sermons/${input.sermonId}`);
    return { ok: true, message: changed ? "Chapter saved." : "No change to save." };
  },
);

export const removeChapter = churchAction(chapterRefSchema, "editor", async (input, { church }) => {
  await deleteChurchChapter(church.id, input);
  revalidatePath(`/admin/${church.slug}/sermons/${input.sermonId}`);
  return { ok: true, message: "Chapter deleted." };
});
