import type { Db } from "@/lib/platform/db/client";

/**
 * The church's speaker a person means by `name`: the one with that name, whatever its case
 * ("ruth okafor" is Ruth Okafor), or the one whose page address (slug) it is. Null when none is.
 */
export async function findSpeakerByName(
  db: Db,
  churchId: string,
  name: string,
): Promise<{ id: string; name: string } | null> {
  const wanted = name.trim();
  const speakers = await db.speaker.findMany({
    where: { churchId },
    select: { id: true, name: true, slug: true },
    orderBy: { createdAt: "asc" },
  });
  const found =
    speakers.find((speaker) => sameIgnoringCase(speaker.name, wanted)) ??
    speakers.find((speaker) => speaker.slug === wanted.toLowerCase());
  return found ? { id: found.id, name: found.name } : null;
}

// Case only: "Zoë" and "Zoe" stay two people.
const sameIgnoringCase = (a: string, b: string) =>
  a.localeCompare(b, undefined, { sensitivity: "accent" }) === 0;
