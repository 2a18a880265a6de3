import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmForm } from "@/components/operator/confirm-form";
import { Panel } from "@/components/operator/panel";
import { RunStatusBadge } from "@/components/operator/run-status-badge";
import { AutoRefresh } from "@/components/admin/auto-refresh";
import { StatusBadge } from "@/components/admin/status-badge";
import { serverEnv } from "@/lib/platform/config/server-env";
import { AppError } from "@/lib/platform/errors/app-error";
import { formatElapsed, formatInstant } from "@/lib/platform/text/format";
import { detectWorkflowEngine } from "@/lib/pipeline/operations/workflow-engine";
import {
  isRunStatus,
  listWorkflowRuns,
  RUN_STATUSES,
  type WorkflowRun,
} from "@/lib/pipeline/operations/workflow-runs";
import { requireOperatorPage } from "../_lib/operator-session";
import { cancelRun, retrySermon } from "./actions";

export const metadata: Metadata = { title: "Jobs" };
export const dynamic = "force-dynamic";

const PAGE_SIZE = 20;

export default async function JobsPage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string | string[]; cursor?: string | string[] }>;
}) {
  await requireOperatorPage("/operator/jobs");
  const query = await searchParams;
  const status = isRunStatus(query.status) ? query.status : undefined;
  const cursor =
    typeof query.cursor === "string" && /^[\w-]{1,100}$/.test(query.cursor)
      ? query.cursor
      : undefined;
  const engine = await detectWorkflowEngine(serverEnv());

  if (engine.kind === "inngest")
    return (
      <Panel title="Jobs" description="Pipeline runs are executed by Inngest.">
        <p className="text-sm text-stone-700">
          Inngest keeps every run with its steps, timings and errors, and cancels and replays them
          itself: open{" "}
          <a
            href={engine.dashboardUrl}
            target="_blank"
            rel="noreferrer"
            className="font-medium text-amber-700 hover:underline"
          >
            Inngest&rsquo;s dashboard
          </a>
          . A failed sermon is retried from its page here or by its church&rsquo;s admins.
        </p>
      </Panel>
    );
  if (engine.kind === "unreachable")
    return (
      <Panel title="Jobs">
        <p role="alert" className="text-sm text-red-700">
          The workflow engine at {engine.apiUrl} does not answer ({engine.error}). Runs are listed
          again once it is up; see the Overview.
        </p>
      </Panel>
    );

  let page: Awaited<ReturnType<typeof listWorkflowRuns>>;
  try {
    page = await listWorkflowRuns(engine.client, { status, cursor, limit: PAGE_SIZE });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return (
      <Panel title="Jobs">
        <p role="alert" className="text-sm text-red-700">
          {error.message}
        </p>
      </Panel>
    );
  }
  const filterHref = (value?: string) =>
    value ? `/operator/jobs?status=${value}` : "/operator/jobs";
  return (
    <div className="grid gap-4">
      <AutoRefresh isActive={page.runs.some((run) => run.isActive)} intervalMs={5000} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">Pipeline runs</h2>
        <nav aria-label="Filter by status" className="flex flex-wrap gap-1">
          {[undefined, ...RUN_STATUSES].map((value) => (
            <Link
              key={value ?? "all"}
              href={filterHref(value)}
              aria-current={value === status ? "page" : undefined}
              className={`rounded-full px-3 py-1 text-sm font-medium ${
                value === status
                  ? "bg-stone-900 text-white"
                  : "bg-white text-stone-600 ring-1 ring-stone-200 hover:bg-stone-100"
              }`}
            >
              {value ?? "All"}
            </Link>
          ))}
        </nav>
      </div>
      {typeof query.status === "string" && !status && (
        <p role="status" className="text-sm text-amber-800">
          There is no status &ldquo;{query.status.slice(0, 40)}&rdquo;; showing every run.
        </p>
      )}
      {page.runs.length === 0 ? (
        <div className="rounded-2xl border border-dashed border-stone-300 bg-white p-10 text-center">
          <p className="font-medium">No runs{status ? ` with status ${status}` : ""}</p>
          <p className="mt-1 text-sm text-stone-600">
            Runs appear here as sermons are uploaded and processed.
          </p>
        </div>
      ) : (
        <ul className="grid gap-3" aria-label="Runs">
          {page.runs.map((run) => (
            <RunCard key={run.id} run={run} />
          ))}
        </ul>
      )}
      <div className="flex justify-between gap-3 text-sm">
        {cursor ? (
          <Link href={filterHref(status)} className="font-medium text-amber-700 hover:underline">
            ← Newest
          </Link>
        ) : (
          <span />
        )}
        {page.nextCursor && (
          <Link
            href={`/operator/jobs?${new URLSearchParams({
              ...(status ? { status } : {}),
              cursor: page.nextCursor,
            })}`}
            className="font-medium text-amber-700 hover:underline"
          >
            Older runs →
          </Link>
        )}
      </div>
    </div>
  );
}

function RunCard({ run }: { run: WorkflowRun }) {
  const duration =
    run.startedAt && (run.endedAt ?? run.isActive)
      ? formatElapsed((run.endedAt ?? new Date()).getTime() - run.startedAt.getTime())
      : null;
  return (
    <li
      data-run={run.id}
      className="rounded-2xl border border-stone-200 bg-white p-4 shadow-sm sm:p-5"
    >
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <RunStatusBadge status={run.status} />
            <p className="font-medium text-stone-900">{run.functionName}</p>
          </div>
          <p className="mt-1 text-sm text-stone-500">
            {[
              run.eventName,
              run.startedAt && `started ${formatInstant(run.startedAt)}`,
              run.endedAt && `ended ${formatInstant(run.endedAt)}`,
              duration && `took ${duration}`,
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
          {run.sermon && (
            <p className="mt-1 flex flex-wrap items-center gap-2 text-sm">
              <Link
                href={`/operator/sermons/${run.sermon.id}`}
                className="font-medium text-amber-700 hover:underline"
              >
                {run.sermon.title}
              </Link>
              <span className="text-stone-500">{run.sermon.church.name}</span>
              <StatusBadge status={run.sermon.status} />
            </p>
          )}
          {run.error && (
            <p className="mt-2 break-words rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
              {run.error}
            </p>
          )}
        </div>
        <div className="flex shrink-0 flex-wrap gap-2">
          {run.isActive && (
            <ConfirmForm
              action={cancelRun}
              fields={{ runId: run.id }}
              label="Cancel"
              pendingLabel="Cancelling…"
              tone="danger"
              confirmation={`Cancel this run of ${run.functionName}? Its remaining steps will not run.`}
            />
          )}
          {run.sermon?.status === "failed" && (
            <ConfirmForm
              action={retrySermon}
              fields={{ sermonId: run.sermon.id }}
              label="Retry sermon"
              pendingLabel="Retrying…"
              tone="primary"
            />
          )}
        </div>
      </div>
      {run.steps.length > 0 && (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-stone-600 hover:text-stone-900">
            {run.steps.length} step{run.steps.length === 1 ? "" : "s"}
          </summary>
          <table className="mt-2 w-full table-fixed text-left">
            <thead className="text-xs uppercase tracking-wide text-stone-500">
              <tr>
                <th className="py-1 pr-2 font-medium">Step</th>
                <th className="w-20 py-1 pr-2 text-right font-medium">Tries</th>
                <th className="w-24 py-1 text-right font-medium">Took</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {run.steps.map((step) => (
                <tr key={step.id} className="align-top">
                  <td className="break-words py-1.5 pr-2">
                    {step.name}
                    {step.error && <span className="block text-red-700">{step.error}</span>}
                  </td>
                  <td className="py-1.5 pr-2 text-right tabular-nums">{step.attempts}</td>
                  <td className="py-1.5 text-right tabular-nums">
                    {step.durationMs === null ? "running" : formatElapsed(step.durationMs)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </li>
  );
}
