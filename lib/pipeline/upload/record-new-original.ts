import { sermonUploaded } from "@/lib/pipeline/events/pipeline-events";
import { publishEvent } from "@/lib/pipeline/events/publish-event";
import type { SermonRef } from "@/lib/catalog/sermons/sermon-version";
import type { Prisma } from "@/lib/platform/db/generated/prisma/client";

/** An original stored under the sermon's next version (`originalKey`), judged media by its content. */
export interface StoredOriginal {
  key: string;
  contentType: string;
  bytes: bigint;
}

/**
 * Makes a stored original the sermon's new version and sends it down the pipeline, inside the
 * caller's transaction: the version bumped, the sermon `processing` (an earlier failure
 * cleared), the original recorded as a media asset and `sermon/uploaded` published, all or
 * nothing. What every way audio arrives ends with: a browser's upload completing, a feed import.
 * Returns the new media version.
 */
export async function recordNewOriginal(
  tx: Prisma.TransactionClient,
  ref: SermonRef,
  original: StoredOriginal,
): Promise<number> {
  const { mediaVersion } = await tx.sermon.update({
    where: { id: ref.sermonId },
    data: {
      mediaVersion: { increment: 1 },
      status: "processing",
      failedStage: null,
      failureReason: null,
      transcodePercent: null,
    },
    select: { mediaVersion: true },
  });
  await tx.mediaAsset.upsert({
    where: { sermonId_key: { sermonId: ref.sermonId, key: original.key } },
    create: {
      sermonId: ref.sermonId,
      kind: "original",
      key: original.key,
      contentType: original.contentType,
      bytes: original.bytes,
    },
    update: { bytes: original.bytes, contentType: original.contentType },
  });
  await publishEvent(tx, sermonUploaded.build({ ...ref, mediaVersion, objectKey: original.key }));
  return mediaVersion;
}
