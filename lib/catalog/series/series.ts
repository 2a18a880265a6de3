import { z } from "zod";
import { type Db, getDb } from "@/lib/platform/db/client";
import { invalidateChurchPages } from "@/lib/catalog/listener-cache/invalidate-church-pages";
import { slugify, uniqueSlug } from "@/lib/platform/text/slugify";
import { FormError } from "@/lib/platform/validation/form-result";

export const seriesInputSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, "Give the series a title.")
    .max(160, "Keep the title under 160 characters."),
  description: z
    .string()
    .trim()
    .max(2000, "Keep the description under 2,000 characters.")
    .default(""),
});

/** The admin's series list, with how many sermons each has. */
export const listSeries = (churchId: string) =>
  getDb().series.findMany({
    where: { churchId },
    orderBy: { title: "asc" },
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      _count: { select: { sermons: true } },
    },
  });

/** Creates (null id) or updates a series of this church; listeners see the change at once. */
export async function saveSeries(
  db: Db,
  churchId: string,
  seriesId: string | null,
  input: z.output<typeof seriesInputSchema>,
) {
  const data = { title: input.title, description: input.description || null };
  if (!seriesId) {
    const slug = await uniqueSlug(
      slugify(input.title),
      async (candidate) => (await db.series.count({ where: { churchId, slug: candidate } })) > 0,
    );
    const { id } = await db.series.create({ data: { ...data, slug, churchId } });
    await invalidateChurchPages(db, churchId);
    return id;
  }
  const { count } = await db.series.updateMany({ where: { id: seriesId, churchId }, data });
  if (!count) throw new FormError({}, "That series does not exist in this church.");
  await invalidateChurchPages(db, churchId);
  return seriesId;
}

/** Sermons keep existing without their series (the relation is SET NULL). */
export async function deleteSeries(db: Db, churchId: string, seriesId: string) {
  const { count } = await db.series.deleteMany({ where: { id: seriesId, churchId } });
  if (!count) throw new FormError({}, "That series does not exist in this church.");
  await invalidateChurchPages(db, churchId);
}
