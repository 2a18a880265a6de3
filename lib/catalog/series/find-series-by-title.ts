import type { Db } from "@/lib/platform/db/client";

/**
 * The church's series a person means by `title`: the one with that title, whatever its case
 * ("romans" is Romans), or the one whose page address (slug) it is. Null when none is.
 */
export async function findSeriesByTitle(
  db: Db,
  churchId: string,
  title: string,
): Promise<{ id: string; title: string } | null> {
  const wanted = title.trim();
  const series = await db.series.findMany({
    where: { churchId },
    select: { id: true, title: true, slug: true },
    orderBy: { createdAt: "asc" },
  });
  const found =
    series.find((one) => sameIgnoringCase(one.title, wanted)) ??
    series.find((one) => one.slug === wanted.toLowerCase());
  return found ? { id: found.id, title: found.title } : null;
}

// Case only: "Zoë" and "Zoe" stay two series.
const sameIgnoringCase = (a: string, b: string) =>
  a.localeCompare(b, undefined, { sensitivity: "accent" }) === 0;
