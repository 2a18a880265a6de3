import { setTimeout as sleep } from "node:timers/promises";
import { SendMessageBatchCommand, type SQSClient } from "@aws-sdk/client-sqs";
import type { EventEnvelope } from "@/lib/pipeline/events/pipeline-events";
import type { Db } from "@/lib/platform/db/client";

export type OutboxRelayOptions = {
  db: Db;
  sqs: SQSClient;
  queueUrl: string;
  /** Rows read per round; sent as SendMessageBatch calls of at most 10, in parallel. */
  rowsPerRound?: number;
  /** Pause between rounds when the outbox is empty. */
  idleDelayMs?: number;
  /** Longest pause between attempts while SQS or the database fails. */
  maxBackoffMs?: number;
  onSent?: (count: number) => void;
  onError?: (error: unknown) => void;
};

export type OutboxRelay = {
  stop(): Promise<void>;
  /** When the last round finished without an error (ms since the epoch), or null. */
  lastSuccessAt(): number | null;
};

type Row = {
  id: string;
  eventId: string;
  name: string;
  payload: unknown;
  createdAt: Date;
  traceparent: string | null;
};

/** The SQS message attribute carrying the publisher's W3C trace context. */
export const TRACEPARENT_ATTRIBUTE = "traceparent";

const SQS_BATCH_LIMIT = 10;

/**
 * Publishes unsent outbox rows to the SQS main queue and marks them sent. A crash between the
 * send and the mark only sends those rows again, and the event id makes the copy harmless.
 * While SQS (or the database) is unreachable it keeps retrying with capped exponential backoff.
 * Every database call is a single statement: the embedded database serialises transactions.
 */
export function startOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { db, sqs, queueUrl, rowsPerRound = 100, idleDelayMs = 100, maxBackoffMs = 5000 } = options;
  const stopping = new AbortController();
  let lastSuccessAt: number | null = null;

  const round = async (): Promise<{ read: number; failed: number }> => {
    const rows: Row[] = await db.outbox.findMany({
      where: { sentAt: null },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: rowsPerRound,
      select: {
        id: true,
        eventId: true,
        name: true,
        payload: true,
        createdAt: true,
        traceparent: true,
      },
    });
    if (rows.length === 0) return { read: 0, failed: 0 };
    const chunks = Array.from({ length: Math.ceil(rows.length / SQS_BATCH_LIMIT) }, (_, i) =>
      rows.slice(i * SQS_BATCH_LIMIT, (i + 1) * SQS_BATCH_LIMIT),
    );
    const results = await Promise.allSettled(
      chunks.map((chunk) => sendChunk(sqs, queueUrl, chunk)),
    );
    const sentIds = results.flatMap((result) =>
      result.status === "fulfilled" ? result.value.sent : [],
    );
    const failures = results.flatMap((result, i) =>
      result.status === "fulfilled"
        ? result.value.failed
        : chunks[i]!.map((row) => ({ id: row.id, error: errorText(result.reason) })),
    );
    if (sentIds.length) {
      await db.outbox.updateMany({ where: { id: { in: sentIds } }, data: { sentAt: new Date() } });
      options.onSent?.(sentIds.length);
    }
    if (failures.length) {
      await db.outbox.updateMany({
        where: { id: { in: failures.map((failure) => failure.id) } },
        data: { attempts: { increment: 1 }, lastError: failures[0]!.error.slice(0, 1000) },
      });
      options.onError?.(new OutboxSendError(failures.length, failures[0]!.error));
    }
    return { read: rows.length, failed: failures.length };
  };

  const loop = async () => {
    let backoffMs = 0;
    while (!stopping.signal.aborted) {
      let delayMs = 0;
      try {
        const { read, failed } = await round();
        if (failed === 0) lastSuccessAt = Date.now();
        backoffMs = failed === 0 ? 0 : nextBackoff(backoffMs, maxBackoffMs);
        delayMs = failed > 0 ? backoffMs : read < rowsPerRound ? idleDelayMs : 0;
      } catch (error) {
        options.onError?.(error);
        backoffMs = nextBackoff(backoffMs, maxBackoffMs);
        delayMs = backoffMs;
      }
      if (delayMs > 0)
        await sleep(delayMs, undefined, { signal: stopping.signal }).catch(() => undefined);
    }
  };
  const running = loop();

  return {
    async stop() {
      stopping.abort();
      await running;
    },
    lastSuccessAt: () => lastSuccessAt,
  };
}

export class OutboxSendError extends Error {
  constructor(count: number, firstError: string) {
    super(`${count} outbox event(s) not sent to SQS: ${firstError}`);
    this.name = "OutboxSendError";
  }
}

async function sendChunk(
  sqs: SQSClient,
  queueUrl: string,
  rows: Row[],
): Promise<{ sent: string[]; failed: { id: string; error: string }[] }> {
  const response = await sqs.send(
    new SendMessageBatchCommand({
      QueueUrl: queueUrl,
      Entries: rows.map((row, i) => ({
        Id: `m${i}`,
        MessageBody: JSON.stringify(envelopeOf(row)),
        ...(row.traceparent
          ? {
              MessageAttributes: {
                [TRACEPARENT_ATTRIBUTE]: { DataType: "String", StringValue: row.traceparent },
              },
            }
          : {}),
      })),
    }),
  );
  const rowAt = (entryId: string | undefined) => rows[Number(entryId?.slice(1))];
  return {
    sent: (response.Successful ?? []).flatMap((entry) => rowAt(entry.Id)?.id ?? []),
    failed: (response.Failed ?? []).flatMap((entry) => {
      const row = rowAt(entry.Id);
      return row ? [{ id: row.id, error: `${entry.Code ?? "error"}: ${entry.Message ?? ""}` }] : [];
    }),
  };
}

function envelopeOf(row: Row): Omit<EventEnvelope, "name"> & { name: string } {
  return {
    id: row.eventId,
    name: row.name,
    data: row.payload as Record<string, unknown>,
    ts: row.createdAt.getTime(),
  };
}

const nextBackoff = (current: number, max: number) =>
  Math.min(max, current === 0 ? 200 : current * 2);

const errorText = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);
