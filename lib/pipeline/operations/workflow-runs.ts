import { z } from "zod";
import { type Db, getDb } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors/app-error";
import type { SermonStatus } from "@/lib/platform/db/generated/prisma/enums";
import type { EngineClient } from "./workflow-engine";
import { WorkflowEngineError } from "./workflow-engine";

/** engine/'s run statuses (Inngest's names). */
export const RUN_STATUSES = ["Queued", "Running", "Completed", "Failed", "Cancelled"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const isRunStatus = (value: unknown): value is RunStatus =>
  RUN_STATUSES.includes(value as RunStatus);

const serializedError = z
  .object({ name: z.string().optional(), message: z.string().optional() })
  .loose()
  .nullable()
  .optional();

const runSchema = z.object({
  run_id: z.string(),
  function_id: z.string(),
  event_id: z.string().nullable(),
  event_name: z.string().nullable(),
  status: z.string(),
  queued_at: z.string().nullable(),
  run_started_at: z.string().nullable(),
  ended_at: z.string().nullable(),
  error: serializedError,
});

const stepSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  op: z.string().nullable().optional(),
  attempts: z.number(),
  started_at: z.string().nullable(),
  ended_at: z.string().nullable(),
  duration_ms: z.number().nullable(),
  error: serializedError,
});

const appsSchema = z.array(
  z.object({ functions: z.array(z.object({ id: z.string(), name: z.string() })) }),
);
const eventSchema = z.object({ data: z.record(z.string(), z.unknown()).optional() });

export type RunStep = {
  id: string;
  name: string;
  attempts: number;
  startedAt: Date | null;
  durationMs: number | null;
  error: string | null;
};

export type RunSermon = {
  id: string;
  title: string;
  status: SermonStatus;
  church: { slug: string; name: string };
};

export type WorkflowRun = {
  id: string;
  functionId: string;
  functionName: string;
  status: string;
  eventName: string | null;
  queuedAt: Date | null;
  startedAt: Date | null;
  endedAt: Date | null;
  error: string | null;
  steps: RunStep[];
  sermon: RunSermon | null;
  isActive: boolean;
};

export type WorkflowRunPage = { runs: WorkflowRun[]; nextCursor: string | null };

const date = (value: string | null) => (value ? new Date(value) : null);
const errorText = (error: z.output<typeof serializedError>) =>
  error ? [error.name, error.message].filter(Boolean).join(": ") || "failed" : null;

/**
 * A page of the engine's runs, newest first, each with its steps' timings, its error and the
 * sermon its event names (a run of an event without a sermon, such as a cron tick, has none).
 */
export async function listWorkflowRuns(
  engine: EngineClient,
  options: { status?: RunStatus; cursor?: string; limit?: number } = {},
  db?: Db,
): Promise<WorkflowRunPage> {
  const query = new URLSearchParams({ limit: String(options.limit ?? 20) });
  if (options.status) query.set("status", options.status);
  if (options.cursor) query.set("cursor", options.cursor);
  const [{ data: runs, cursor }, { data: apps }] = await Promise.all([
    engine.read(`/v1/runs?${query}`, z.array(runSchema)),
    engine.read("/v1/apps", appsSchema),
  ]);
  const names = new Map(apps.flatMap((app) => app.functions.map((fn) => [fn.id, fn.name])));
  const details = await Promise.all(
    runs.map(async (run) => {
      const [steps, sermonId] = await Promise.all([
        engine
          .read(
            `/v1/runs/${encodeURIComponent(run.run_id)}`,
            z.object({ steps: z.array(stepSchema) }),
          )
          .then(({ data }) => data.steps),
        run.event_id ? sermonIdOfEvent(engine, run.event_id) : null,
      ]);
      return { run, steps, sermonId };
    }),
  );
  const sermonIds = details.flatMap((detail) => detail.sermonId ?? []);
  const sermons = sermonIds.length ? await loadSermons(db ?? getDb(), sermonIds) : new Map();
  return {
    runs: details.map(({ run, steps, sermonId }) => ({
      id: run.run_id,
      functionId: run.function_id,
      functionName: names.get(run.function_id) ?? run.function_id,
      status: run.status,
      eventName: run.event_name,
      queuedAt: date(run.queued_at),
      startedAt: date(run.run_started_at),
      endedAt: date(run.ended_at),
      error: errorText(run.error),
      steps: steps.map((step) => ({
        id: step.id,
        name: step.name ?? step.id,
        attempts: step.attempts,
        startedAt: date(step.started_at),
        durationMs: step.duration_ms,
        error: errorText(step.error),
      })),
      sermon: (sermonId && sermons.get(sermonId)) || null,
      isActive: run.status === "Queued" || run.status === "Running",
    })),
    nextCursor: cursor,
  };
}

/** Cancels a queued or running run; one that has ended is refused (409) with its status. */
export async function cancelWorkflowRun(engine: EngineClient, runId: string): Promise<void> {
  const response = await engine
    .request("DELETE", `/v1/runs/${encodeURIComponent(runId)}`)
    .catch((error: unknown) => {
      throw new WorkflowEngineError(
        "unavailable",
        `The workflow engine did not answer (${error instanceof Error ? error.message : String(error)}).`,
      );
    });
  if (response.ok) return;
  if (response.status === 404) throw AppError.notFound("The workflow engine has no such run.");
  if (response.status === 409) throw AppError.conflict("This run has already ended.");
  throw new WorkflowEngineError(
    "unavailable",
    `The workflow engine answered HTTP ${response.status} to the cancellation.`,
  );
}

async function sermonIdOfEvent(engine: EngineClient, eventId: string): Promise<string | null> {
  try {
    const { data } = await engine.read(`/v1/events/${encodeURIComponent(eventId)}`, eventSchema);
    const sermonId = data.data?.["sermonId"];
    return typeof sermonId === "string" ? sermonId : null;
  } catch {
    // An event pruned by the engine's retention: the run is listed without its sermon.
    return null;
  }
}

/** The sermons (and their churches) behind run events and dead letters, by id. */
export async function loadSermons(db: Db, ids: string[]): Promise<Map<string, RunSermon>> {
  if (ids.length === 0) return new Map();
  const rows = await db.sermon.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: {
      id: true,
      title: true,
      status: true,
      church: { select: { slug: true, name: true } },
    },
  });
  return new Map(rows.map((row) => [row.id, row]));
}
