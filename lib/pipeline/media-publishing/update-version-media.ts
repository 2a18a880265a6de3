import type { Prisma } from "@/lib/platform/db/generated/prisma/client";
import type { SermonVersion } from "@/lib/catalog/sermons/sermon-version";
import type { PublishedAsset } from "./sermon-upload";

/**
 * Inside the caller's transaction: updates the sermon only while `version` is still its
 * current upload (plus any extra condition), then records the assets, upserted on their key
 * so a retried step never duplicates them. False, and nothing written, when the guard missed.
 */
export async function updateVersionMedia(
  tx: Prisma.TransactionClient,
  version: SermonVersion,
  update: { where?: Prisma.SermonWhereInput; data: Prisma.SermonUpdateManyMutationInput },
  assets: readonly PublishedAsset[],
): Promise<boolean> {
  const { sermonId } = version;
  const { count } = await tx.sermon.updateMany({
    where: {
      ...update.where,
      id: sermonId,
      churchId: version.churchId,
      mediaVersion: version.mediaVersion,
    },
    data: update.data,
  });
  if (count === 0) return false;
  for (const { bytes, ...asset } of assets) {
    await tx.mediaAsset.upsert({
      where: { sermonId_key: { sermonId, key: asset.key } },
      create: { sermonId, ...asset, bytes: BigInt(bytes) },
      update: { ...asset, bytes: BigInt(bytes) },
    });
  }
  return true;
}
