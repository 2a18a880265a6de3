import { type Db, getDb } from "@/lib/platform/db/client";
import { retryFailedSermon, RetryRefusedError } from "@/lib/pipeline/recovery/retry-failed-sermon";
import { describeStageFailure } from "@/lib/pipeline/stages";

/** What an operator sees of one sermon: where it stands and why it stopped, of any church. */
export async function loadSermonForOperator(sermonId: string, db: Db = getDb()) {
  const sermon = await db.sermon.findUnique({
    where: { id: sermonId },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      publishState: true,
      mediaVersion: true,
      failedStage: true,
      failureReason: true,
      createdAt: true,
      updatedAt: true,
      church: { select: { slug: true, name: true } },
    },
  });
  if (!sermon) return null;
  return {
    ...sermon,
    failure:
      sermon.failedStage && sermon.failureReason
        ? describeStageFailure(sermon.failedStage, sermon.failureReason)
        : (sermon.failureReason ?? null),
  };
}

export type OperatorSermon = NonNullable<Awaited<ReturnType<typeof loadSermonForOperator>>>;

/** Retry (lib/pipeline/recovery) for an operator, who names the sermon but not its church. */
export async function retrySermonForOperator(sermonId: string, db: Db = getDb()) {
  const sermon = await db.sermon.findUnique({
    where: { id: sermonId },
    select: { churchId: true },
  });
  if (!sermon) throw new RetryRefusedError("No such sermon.", 404);
  return retryFailedSermon(db, sermon.churchId, sermonId);
}
