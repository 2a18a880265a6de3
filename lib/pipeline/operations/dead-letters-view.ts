import type { SQSClient } from "@aws-sdk/client-sqs";
import { type Db, getDb } from "@/lib/platform/db/client";
import {
  type DeadLetterQueues,
  type DeadLetterSummary,
  listDeadLetters,
} from "@/lib/platform/queue/dead-letter-queue";
import { loadSermons, type RunSermon } from "./workflow-runs";

export type DeadLetterView = Omit<DeadLetterSummary, "body"> & {
  sermon: RunSermon | null;
  /** When it became a dead letter: the worker's stamp, else when SQS received it in the DLQ. */
  since: Date | null;
  /** The body, cut to what a page shows. */
  bodyPreview: string;
};

/** The DLQ's messages for the operator page: each with its reason, event, sermon and age. */
export async function listDeadLettersForOperator(
  sqs: SQSClient,
  queues: DeadLetterQueues,
  limit = 100,
  db: Db = getDb(),
): Promise<DeadLetterView[]> {
  const letters = await listDeadLetters(sqs, queues, limit);
  const sermons = await loadSermons(
    db,
    letters.flatMap((letter) => letter.sermonId ?? []),
  );
  return letters
    .map(({ body, ...letter }) => {
      const since = letter.deadLetteredAt ?? letter.sentAt;
      return {
        ...letter,
        sermon: (letter.sermonId && sermons.get(letter.sermonId)) || null,
        since: since ? new Date(since) : null,
        bodyPreview: body.length > 500 ? `${body.slice(0, 500)}…` : body,
      };
    })
    .sort((a, b) => (b.since?.getTime() ?? 0) - (a.since?.getTime() ?? 0));
}
