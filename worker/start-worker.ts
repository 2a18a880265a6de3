import { ReceiveMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { createDb, type Db } from "@/lib/platform/db/client";
import {
  startOutboxRelay,
  TRACEPARENT_ATTRIBUTE,
  type OutboxRelay,
} from "@/lib/pipeline/events/outbox-relay";
import { pruneSentOutbox } from "@/lib/pipeline/events/prune-sent-outbox";
import { countUnsentOutbox } from "@/lib/pipeline/events/outbox-backlog";
import { readQueueDepths } from "@/lib/platform/queue/queue-depths";
import { createEventForwarder, type InngestTarget } from "./event-forwarder";
import { ForwardGate } from "./forward-gate";
import { handleMessages } from "./handle-messages";
import { startHttpServer, type HealthReport } from "./http-server";
import { Poller, startWatchdog } from "./poller";
import type { WorkerLog } from "./worker-log";
import { createWorkerMetrics } from "./worker-metrics";

export type WorkerConfig = {
  databaseUrl: string;
  sqs: { region: string; endpoint?: string; mainQueueUrl: string; deadLetterQueueUrl: string };
  inngest: InngestTarget;
  pollers: number;
  waitTimeSeconds: number;
  forwardTimeoutMs: number;
  retry: { baseSeconds: number; maxSeconds: number };
  /** retentionDays: sent outbox rows older than this are deleted hourly (0 keeps them). */
  relay: { isEnabled: boolean; pollMs: number; retentionDays: number };
  http: { host: string; port: number };
  log: WorkerLog;
  /** A poller silent for longer is restarted; default: long poll + forward timeout + 30 s. */
  stallMs?: number;
  /** Longest polling pause while the event API fails (default 10 s). */
  maxPauseMs?: number;
};

export type RunningWorker = { url: string; port: number; stop(): Promise<void> };

/**
 * The SQS → Inngest forwarder: several long-polling loops over the main queue, a watchdog over
 * them, the outbox relay, and an HTTP server for /health and /metrics.
 */
export async function startWorker(config: WorkerConfig): Promise<RunningWorker> {
  const { log } = config;
  const sqs = new SQSClient({
    region: config.sqs.region,
    ...(config.sqs.endpoint ? { endpoint: config.sqs.endpoint } : {}),
  });
  const db = createDb(config.databaseUrl, 2);
  const metrics = createWorkerMetrics({
    queueDepths: async () => {
      const { main, deadLetter } = await readQueueDepths(sqs, {
        mainQueueUrl: config.sqs.mainQueueUrl,
        deadLetterQueueUrl: config.sqs.deadLetterQueueUrl,
      });
      return {
        main: main.waiting + main.inFlight,
        deadLetter: deadLetter.waiting + deadLetter.inFlight,
      };
    },
    outboxBacklog: () => countUnsentOutbox(db),
  });
  const handlerDeps = {
    sqs,
    mainQueueUrl: config.sqs.mainQueueUrl,
    deadLetterQueueUrl: config.sqs.deadLetterQueueUrl,
    forward: createEventForwarder(config.inngest, config.forwardTimeoutMs),
    retry: config.retry,
    metrics,
    log,
  };
  const gate = new ForwardGate(config.maxPauseMs ?? 10_000);
  const receive = async (signal: AbortSignal, max: number) => {
    const { Messages } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: config.sqs.mainQueueUrl,
        MaxNumberOfMessages: max,
        WaitTimeSeconds: config.waitTimeSeconds,
        MessageSystemAttributeNames: ["ApproximateReceiveCount"],
        MessageAttributeNames: [TRACEPARENT_ATTRIBUTE],
      }),
      { abortSignal: signal },
    );
    return Messages ?? [];
  };
  const pollers = Array.from(
    { length: config.pollers },
    (_, i) =>
      new Poller(`poller-${i + 1}`, {
        receive,
        handle: (messages) => handleMessages(handlerDeps, messages),
        gate,
        log,
      }),
  );
  const stallMs =
    config.stallMs ?? config.waitTimeSeconds * 1000 + config.forwardTimeoutMs + 30_000;

  let relay: OutboxRelay | undefined;
  let isStopping = false;
  const health = (): HealthReport => {
    const stalled = pollers.filter((poller) => Date.now() - poller.lastProgressAt > stallMs).length;
    return {
      status: isStopping ? "stopping" : stalled > 0 || gate.isOpen ? "degraded" : "up",
      eventApi: gate.isOpen ? "failing" : "ok",
      pollers: pollers.map((poller) => ({
        name: poller.name,
        lastProgressAt: new Date(poller.lastProgressAt).toISOString(),
        restarts: poller.restarts,
      })),
      outboxRelay: relay
        ? { lastSuccessAt: relay.lastSuccessAt() && new Date(relay.lastSuccessAt()!).toISOString() }
        : "off",
    };
  };
  const http = await startHttpServer({ ...config.http, health, registry: metrics.registry });

  if (config.relay.isEnabled) {
    let lastRelayError = "";
    relay = startOutboxRelay({
      db,
      sqs,
      queueUrl: config.sqs.mainQueueUrl,
      idleDelayMs: config.relay.pollMs,
      onSent: (count) => metrics.outboxSent.inc(count),
      onError: (error) => {
        // Logged once per distinct problem: an outage would otherwise print a line per retry.
        const text = (error as Error).message;
        if (text !== lastRelayError) log.warn(`outbox relay: ${text}`);
        lastRelayError = text;
      },
    });
  }
  const stopPruning =
    config.relay.isEnabled && config.relay.retentionDays > 0
      ? startPruning(db, config.relay.retentionDays, log)
      : () => undefined;
  for (const poller of pollers) poller.start();
  const stopWatchdog = startWatchdog(pollers, stallMs, (poller) => {
    metrics.watchdogRestarts.inc();
    log.warn(`${poller.name} made no progress for ${stallMs} ms; restarted it`);
  });
  log.info(
    `worker listening on http://${config.http.host}:${http.port} (${config.pollers} pollers, outbox relay ${relay ? "on" : "off"})`,
  );

  let stopping: Promise<void> | undefined;
  return {
    url: `http://${config.http.host}:${http.port}`,
    port: http.port,
    stop: () =>
      (stopping ??= (async () => {
        isStopping = true;
        stopWatchdog();
        stopPruning();
        await Promise.all([...pollers.map((poller) => poller.stop()), relay?.stop()]);
        await http.close();
        await db.$disconnect();
        sqs.destroy();
      })()),
  };
}

/** Deletes sent outbox rows past retention: now, then hourly, in small chunks. */
function startPruning(db: Db, retentionDays: number, log: WorkerLog): () => void {
  const prune = async () => {
    const sentBefore = new Date(Date.now() - retentionDays * 86_400_000);
    try {
      while ((await pruneSentOutbox(db, sentBefore)) > 0);
    } catch (error) {
      log.warn(`outbox pruning failed, will retry within the hour: ${(error as Error).message}`);
    }
  };
  void prune();
  const timer = setInterval(() => void prune(), 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
