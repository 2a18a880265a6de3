import { z } from "zod";
import { type Db, getDb } from "@/lib/platform/db/client";
import { invalidateChurchPages } from "@/lib/catalog/listener-cache/invalidate-church-pages";
import { slugify, uniqueSlug } from "@/lib/platform/text/slugify";
import { FormError } from "@/lib/platform/validation/form-result";

export const speakerInputSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter the speaker's name.")
    .max(120, "Keep the name under 120 characters."),
  bio: z.string().trim().max(2000, "Keep the bio under 2,000 characters.").default(""),
});

/** The admin's speaker list, with how many sermons each has. */
export const listSpeakers = (churchId: string) =>
  getDb().speaker.findMany({
    where: { churchId },
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true, bio: true, _count: { select: { sermons: true } } },
  });

/** Creates (null id) or updates a speaker of this church; listeners see the change at once. */
export async function saveSpeaker(
  db: Db,
  churchId: string,
  speakerId: string | null,
  input: z.output<typeof speakerInputSchema>,
) {
  const clash = await db.speaker.findFirst({
    where: { churchId, name: input.name, NOT: speakerId ? { id: speakerId } : undefined },
  });
  if (clash) throw new FormError({ name: ["There is already a speaker with this name."] });
  const data = { name: input.name, bio: input.bio || null };
  if (!speakerId) {
    const slug = await uniqueSlug(
      slugify(input.name),
      async (candidate) => (await db.speaker.count({ where: { churchId, slug: candidate } })) > 0,
    );
    const { id } = await db.speaker.create({ data: { ...data, slug, churchId } });
    await invalidateChurchPages(db, churchId);
    return id;
  }
  const { count } = await db.speaker.updateMany({ where: { id: speakerId, churchId }, data });
  if (!count) throw new FormError({}, "That speaker does not exist in this church.");
  await invalidateChurchPages(db, churchId);
  return speakerId;
}

/** Sermons keep existing without their speaker (the relation is SET NULL). */
export async function deleteSpeaker(db: Db, churchId: string, speakerId: string) {
  const { count } = await db.speaker.deleteMany({ where: { id: speakerId, churchId } });
  if (!count) throw new FormError({}, "That speaker does not exist in this church.");
  await invalidateChurchPages(db, churchId);
}
