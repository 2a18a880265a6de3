import type { Db } from "@/lib/platform/db/client";
import { invalidateChurchPages } from "@/lib/catalog/listener-cache/invalidate-church-pages";
import { parsePassages } from "@/lib/catalog/scripture/parse-passages";
import { slugify, uniqueSlug } from "@/lib/platform/text/slugify";
import { FormError } from "@/lib/platform/validation/form-result";
import type { SermonInput } from "./sermon-input";

/**
 * Creates or updates a sermon of this church, with its main passages parsed into ranges.
 * References that cannot be read are reported back, never dropped. Listeners see the change
 * (and a publish) at once: the church's listener pages and the home page are invalidated.
 */
export async function saveSermon(
  db: Db,
  churchId: string,
  sermonId: string | null,
  input: SermonInput,
): Promise<string> {
  const { passages, unrecognised } = parsePassages(input.scripture);
  const fieldErrors: Record<string, string[]> = {};
  if (unrecognised.length)
    fieldErrors.scripture = [`Not recognised as Bible references: ${unrecognised.join("; ")}`];
  if (input.speakerId && !(await db.speaker.count({ where: { id: input.speakerId, churchId } }))) {
    fieldErrors.speakerId = ["Choose one of this church's speakers."];
  }
  if (input.seriesId && !(await db.series.count({ where: { id: input.seriesId, churchId } }))) {
    fieldErrors.seriesId = ["Choose one of this church's series."];
  }
  if (sermonId && !(await db.sermon.count({ where: { id: sermonId, churchId } }))) {
    throw new FormError({}, "That sermon does not exist in this church.");
  }
  if (Object.keys(fieldErrors).length) throw new FormError(fieldErrors);

  const data = {
    title: input.title,
    speakerId: input.speakerId,
    seriesId: input.seriesId,
    preachedOn: input.preachedOn,
    description: input.description || null,
    tags: input.tags,
    publishState: input.publishState,
    publishAt: input.publishState === "scheduled" ? input.publishAt : null,
    ...(input.manuscript === undefined ? {} : { manuscript: input.manuscript }),
  };
  const refs = passages.map(({ text, ...range }) => ({ ...range, text, source: "main" as const }));
  const slug = sermonId
    ? undefined
    : await uniqueSlug(
        slugify(input.title),
        async (candidate) => (await db.sermon.count({ where: { churchId, slug: candidate } })) > 0,
      );

  const savedId = await db.$transaction(async (tx) => {
    const sermon = sermonId
      ? await tx.sermon.update({ where: { id: sermonId }, data })
      : await tx.sermon.create({ data: { ...data, churchId, slug: slug! } });
    await tx.scriptureRef.deleteMany({ where: { sermonId: sermon.id, source: "main" } });
    if (refs.length)
      await tx.scriptureRef.createMany({
        data: refs.map((ref) => ({ ...ref, sermonId: sermon.id })),
      });
    return sermon.id;
  });
  await invalidateChurchPages(db, churchId);
  return savedId;
}
