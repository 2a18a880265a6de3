import { Counter, Gauge, Histogram, Registry } from "prom-client";

export type DepthProbes = {
  /** Visible + in-flight messages of the main queue and the DLQ. */
  queueDepths(): Promise<{ main: number; deadLetter: number }>;
  /** Outbox rows not yet sent to SQS. */
  outboxBacklog(): Promise<number>;
};

export type WorkerMetrics = ReturnType<typeof createWorkerMetrics>;

/** The worker's Prometheus metrics, in a registry of its own (GET /metrics). */
export function createWorkerMetrics(probes: DepthProbes) {
  const registry = new Registry();
  const counter = (name: string, help: string) =>
    new Counter({ name, help, registers: [registry] });
  const received = counter(
    "selah_worker_messages_received_total",
    "Messages received from the main queue.",
  );
  const forwarded = counter(
    "selah_worker_messages_forwarded_total",
    "Events acknowledged by the Inngest event API.",
  );
  const failed = counter(
    "selah_worker_messages_failed_total",
    "Messages left for redelivery after a transient failure.",
  );
  const deadLettered = new Counter({
    name: "selah_worker_messages_dead_lettered_total",
    help: "Messages the worker moved to the DLQ itself, by cause.",
    labelNames: ["cause"] as const,
    registers: [registry],
  });
  const outboxSent = counter(
    "selah_worker_outbox_sent_total",
    "Outbox rows published to the main queue.",
  );
  const forwardSeconds = new Histogram({
    name: "selah_worker_forward_duration_seconds",
    help: "Time for the event API to acknowledge one forwarded batch.",
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const deliverySeconds = new Histogram({
    name: "selah_worker_delivery_lag_seconds",
    help: "From publishing an event (outbox) to its acknowledgement by the event API.",
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 3600],
    registers: [registry],
  });
  const watchdogRestarts = counter(
    "selah_worker_poller_restarts_total",
    "Pollers the watchdog restarted after they stopped making progress.",
  );

  const queueDepth = new Gauge({
    name: "selah_worker_queue_depth",
    help: "Approximate messages (visible + in flight) per queue.",
    labelNames: ["queue"] as const,
    registers: [registry],
    async collect() {
      const depths = await probes.queueDepths().catch(() => undefined);
      if (!depths) return;
      this.set({ queue: "main" }, depths.main);
      this.set({ queue: "dead_letter" }, depths.deadLetter);
    },
  });
  const outboxBacklog = new Gauge({
    name: "selah_worker_outbox_backlog",
    help: "Outbox rows not yet sent to SQS.",
    registers: [registry],
    async collect() {
      const backlog = await probes.outboxBacklog().catch(() => undefined);
      if (backlog !== undefined) this.set(backlog);
    },
  });

  return {
    registry,
    received,
    forwarded,
    failed,
    deadLettered,
    outboxSent,
    forwardSeconds,
    deliverySeconds,
    watchdogRestarts,
    queueDepth,
    outboxBacklog,
  };
}
