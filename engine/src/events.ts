import { z } from "zod";
import type { EngineContext } from "./context";
import { HttpError } from "./errors";
import { eventUlid, newUlid, type EventIdSeed } from "./ids";
import type { InngestEvent } from "./types";

export const MAX_EVENT_BYTES = 3 * 1024 * 1024;
export const MAX_EVENTS_PER_REQUEST = 5000;
const TS_MIN = Date.UTC(1980, 0, 1);
const TS_MAX = Date.UTC(2100, 0, 1);

const incomingEventSchema = z.object({
  name: z
    .string()
    .min(1, "event name is required")
    .max(512, "event name is longer than 512 characters"),
  data: z.record(z.string(), z.unknown()).nullish(),
  id: z.string().max(512).nullish(),
  ts: z.number().int().min(TS_MIN).max(TS_MAX).nullish(),
  v: z.string().nullish(),
  user: z.record(z.string(), z.unknown()).nullish(),
  meta: z.record(z.string(), z.unknown()).nullish(),
});

/** Validates a POST /e/:key body (one event or an array) into events with ids assigned. */
export function prepareIncomingEvents(
  body: unknown,
  seed: EventIdSeed | undefined,
): { internalId: string; event: InngestEvent }[] {
  const list = Array.isArray(body) ? body : [body];
  if (list.length === 0) throw new HttpError(400, "no events in the request");
  if (list.length > MAX_EVENTS_PER_REQUEST)
    throw new HttpError(400, `more than ${MAX_EVENTS_PER_REQUEST} events in one request`);
  const now = Date.now();
  return list.map((item, index) => {
    const parsed = incomingEventSchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new HttpError(
        400,
        `event ${index}: ${issue?.path.join(".") || "body"}: ${issue?.message}`,
      );
    }
    const raw = parsed.data;
    if (raw.name.startsWith("inngest/"))
      throw new HttpError(400, `event ${index}: names starting with "inngest/" are reserved`);
    if (Buffer.byteLength(JSON.stringify(item)) > MAX_EVENT_BYTES)
      throw new HttpError(400, `event ${index} is larger than 3 MB`);
    const { _inngest: _dropped, ...data } = raw.data ?? {};
    const internalId = eventUlid(seed, index + 1);
    const event: InngestEvent = {
      name: raw.name,
      data,
      id: raw.id || internalId,
      ts: raw.ts ?? now,
      user: raw.user ?? {},
    };
    if (raw.v) event.v = raw.v;
    if (raw.meta) event.meta = raw.meta;
    return { internalId, event };
  });
}

/**
 * Stores an event and fans it out (`ctx.hooks.fanOutEvent`: function triggers, then
 * waits/cancellations/invokes). A repeat of an already stored internal id (an SDK retry of
 * the same send) is a no-op.
 */
export function publishEvent(
  ctx: EngineContext,
  event: InngestEvent,
  internalId = newUlid(),
): string {
  ctx.store.tx(() => {
    const { changes } = ctx.store.run(
      "INSERT OR IGNORE INTO events (internal_id, id, name, body, received_at) VALUES (?, ?, ?, ?, ?)",
      internalId,
      event.id,
      event.name,
      JSON.stringify(event),
      Date.now(),
    );
    if (changes === 0) return;
    ctx.hooks.fanOutEvent(event, internalId);
  });
  return internalId;
}

/** Builds and publishes an engine-generated (`inngest/…`) event. */
export function publishSystemEvent(
  ctx: EngineContext,
  name: string,
  data: Record<string, unknown>,
  id?: string,
): string {
  const internalId = newUlid();
  publishEvent(ctx, { name, data, id: id ?? internalId, ts: Date.now(), user: {} }, internalId);
  return internalId;
}
