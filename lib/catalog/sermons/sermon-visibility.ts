import type { Prisma } from "@/lib/platform/db/generated/prisma/client";
import type { PublishState } from "@/lib/platform/db/generated/prisma/enums";

/** Listeners see a sermon once it is published, or scheduled and its time has come. */
export function isPubliclyVisible(
  sermon: { publishState: PublishState; publishAt: Date | null },
  now: Date,
): boolean {
  if (sermon.publishState === "published") return true;
  return (
    sermon.publishState === "scheduled" && sermon.publishAt !== null && sermon.publishAt <= now
  );
}

/** The same rule as a query filter. */
export const publiclyVisibleWhere = (now: Date): Prisma.SermonWhereInput => ({
  OR: [{ publishState: "published" }, { publishState: "scheduled", publishAt: { lte: now } }],
});

/** Visible to listeners and with a stream to play. */
export const playableWhere = (now: Date): Prisma.SermonWhereInput => ({
  AND: [publiclyVisibleWhere(now), { mediaAssets: { some: { kind: "master_playlist" } } }],
});
