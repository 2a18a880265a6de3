import { AsyncLocalStorage } from "node:async_hooks";
import { Inngest } from "inngest";
import type { EventEnvelope } from "@/lib/pipeline/events/pipeline-events";
import { withEventTrace } from "@/lib/platform/telemetry/trace-context";

/** The event API did not acknowledge in time, answered 5xx/429 or refused the key (401/403): try again later. */
export class TransientForwardError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "TransientForwardError";
  }
}

/** The event API refused the events themselves (4xx but 401/403): sending them again cannot help. */
export class RejectedEventsError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "RejectedEventsError";
  }
}

export type InngestTarget = {
  isDev: boolean;
  /** Event API origin; unset in cloud mode means the SDK's default (or INNGEST_EVENT_API_BASE_URL). */
  baseUrl?: string;
  eventKey?: string;
};

/** An event to forward, with the trace its run continues (the worker's span). */
export type ForwardedEvent = EventEnvelope & { traceparent?: string };

export type ForwardEvents = (events: ForwardedEvent[]) => Promise<void>;

type Attempt = { signal: AbortSignal; lastStatus?: number };

const quietLogger = { info() {}, warn() {}, error() {}, debug() {} };

/**
 * Sends events to the Inngest event API with the real SDK, each with its envelope's id as the
 * Inngest event id (the API deduplicates on it). One deadline bounds the whole send, the SDK's
 * own retries included, so a slow API never holds a message past its visibility timeout.
 */
export function createEventForwarder(target: InngestTarget, timeoutMs: number): ForwardEvents {
  const attempts = new AsyncLocalStorage<Attempt>();
  const client = new Inngest({
    id: "selah-worker",
    isDev: target.isDev,
    ...(target.baseUrl ? { baseUrl: target.baseUrl } : {}),
    ...(target.eventKey ? { eventKey: target.eventKey } : {}),
    logger: quietLogger,
    fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
      const attempt = attempts.getStore();
      if (attempt) attempt.lastStatus = undefined;
      const response = await fetch(input, {
        ...init,
        signal: attempt?.signal ?? AbortSignal.timeout(timeoutMs),
      });
      if (attempt) attempt.lastStatus = response.status;
      return response;
    },
  });

  return async (events) => {
    const attempt: Attempt = { signal: AbortSignal.timeout(timeoutMs) };
    const deadline = new Promise<never>((_, reject) =>
      attempt.signal.addEventListener(
        "abort",
        () => reject(new TransientForwardError(`no acknowledgement within ${timeoutMs} ms`)),
        { once: true },
      ),
    );
    deadline.catch(() => undefined);
    try {
      await attempts.run(attempt, () =>
        Promise.race([
          client.send(
            events.map(({ id, name, data, ts, traceparent }) => ({
              id,
              name,
              data: withEventTrace(data, traceparent),
              ts,
            })),
          ),
          deadline,
        ]),
      );
    } catch (error) {
      if (error instanceof TransientForwardError) throw error;
      const status = attempt.lastStatus;
      const message = error instanceof Error ? error.message : String(error);
      // A refused key is this worker's configuration, not the events: keep them for a fixed key.
      if (status === 401 || status === 403) {
        throw new TransientForwardError(
          `the event API refused the event key (HTTP ${status}): INNGEST_EVENT_KEY must be a key the Inngest server accepts`,
          { cause: error },
        );
      }
      if (
        status !== undefined &&
        status >= 400 &&
        status < 500 &&
        status !== 408 &&
        status !== 429
      ) {
        throw new RejectedEventsError(status, message);
      }
      throw new TransientForwardError(message, { cause: error });
    }
  };
}
