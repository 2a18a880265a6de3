import { getDb } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors/app-error";
import type { FollowTarget } from "./follow-target";

type FollowColumns = { churchId: string } | { seriesId: string } | { speakerId: string };

async function findTarget(target: FollowTarget): Promise<FollowColumns | null> {
  const db = getDb();
  const church = await db.church.findUnique({
    where: { slug: target.church },
    select: { id: true },
  });
  if (!church) return null;
  if (target.kind === "church") return { churchId: church.id };
  const key = { churchId_slug: { churchId: church.id, slug: target.slug } };
  const found =
    target.kind === "series"
      ? await db.series.findUnique({ where: key, select: { id: true } })
      : await db.speaker.findUnique({ where: key, select: { id: true } });
  if (!found) return null;
  return target.kind === "series" ? { seriesId: found.id } : { speakerId: found.id };
}

/** Follows (or stops following) a church, series or speaker; 404 for one that does not exist. */
export async function setFollow(
  listenerId: string,
  target: FollowTarget,
  following: boolean,
): Promise<void> {
  const columns = await findTarget(target);
  if (!columns) throw AppError.notFound(`No such ${target.kind}.`);
  const db = getDb();
  if (!following) {
    await db.follow.deleteMany({ where: { listenerId, ...columns } });
    return;
  }
  // Following twice is following once (the unique index per listener and target).
  await db.follow.createMany({ data: [{ listenerId, ...columns }], skipDuplicates: true });
}
