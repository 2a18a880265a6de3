import type { Metadata } from "next";
import Link from "next/link";
import { Figure, Panel, UpDownBadge } from "@/components/operator/panel";
import { serverEnv } from "@/lib/platform/config/server-env";
import { formatElapsed, formatInstant } from "@/lib/platform/text/format";
import { loadOperationsOverview } from "@/lib/pipeline/operations/operations-overview";
import { requireOperatorPage } from "./_lib/operator-session";

export const metadata: Metadata = { title: "Overview" };
export const dynamic = "force-dynamic";

const DEPENDENCY_LABELS: Record<string, string> = {
  database: "Database",
  storage: "Object storage (S3)",
  queue: "Queue (SQS)",
  workflowEngine: "Workflow engine",
  worker: "Event worker",
};

export default async function OperatorOverviewPage() {
  await requireOperatorPage();
  const overview = await loadOperationsOverview(serverEnv());
  const { health, queues, outbox } = overview;
  const now = overview.checkedAt.getTime();
  return (
    <div className="grid gap-6">
      <Panel
        title="Health"
        description={`Every dependency, checked ${formatInstant(overview.checkedAt)}.`}
        action={
          <UpDownBadge
            isUp={health.status === "up"}
            label={health.status === "up" ? "All up" : "Something is down"}
          />
        }
      >
        <ul className="divide-y divide-stone-100" aria-label="Dependencies">
          {Object.entries(health.dependencies).map(([name, dependency]) => (
            <li
              key={name}
              data-dependency={name}
              className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between"
            >
              <div className="min-w-0">
                <p className="font-medium">{DEPENDENCY_LABELS[name] ?? name}</p>
                {dependency.error && (
                  <p className="break-words text-sm text-red-700">{dependency.error}</p>
                )}
              </div>
              <div className="flex shrink-0 items-center gap-3">
                <span className="text-xs tabular-nums text-stone-500">
                  {dependency.latencyMs} ms
                </span>
                <UpDownBadge isUp={dependency.status === "up"} />
              </div>
            </li>
          ))}
        </ul>
      </Panel>

      <div className="grid gap-6 lg:grid-cols-2">
        <Panel
          title="Queues"
          description="Approximate counts from SQS: events on their way to the workflow engine, and the ones that gave up."
        >
          {queues.ok ? (
            <div className="grid gap-4">
              <div>
                <h3 className="text-sm font-medium text-stone-700">Main queue</h3>
                <dl className="mt-2 grid grid-cols-3 gap-2" aria-label="Main queue">
                  <Figure label="Waiting" value={queues.value.main.waiting} />
                  <Figure label="In flight" value={queues.value.main.inFlight} />
                  <Figure label="Delayed" value={queues.value.main.delayed} />
                </dl>
              </div>
              <div>
                <h3 className="text-sm font-medium text-stone-700">
                  Dead-letter queue{" "}
                  <Link href="/operator/dead-letters" className="text-amber-700 hover:underline">
                    (open)
                  </Link>
                </h3>
                <dl className="mt-2 grid grid-cols-3 gap-2" aria-label="Dead-letter queue">
                  <Figure
                    label="Messages"
                    value={queues.value.deadLetter.waiting}
                    tone={queues.value.deadLetter.waiting > 0 ? "bad" : "neutral"}
                  />
                  <Figure label="Held" value={queues.value.deadLetter.inFlight} />
                  <Figure label="Delayed" value={queues.value.deadLetter.delayed} />
                </dl>
              </div>
            </div>
          ) : (
            <p role="alert" className="text-sm text-red-700">
              The queues could not be read: {queues.error}
            </p>
          )}
        </Panel>

        <Panel
          title="Outbox"
          description="Events written with their change in the database, waiting for the relay to put them on the queue."
        >
          {outbox.ok ? (
            <>
              <dl className="grid grid-cols-2 gap-2" aria-label="Outbox backlog">
                <Figure
                  label="Unsent"
                  value={outbox.value.unsent}
                  tone={outbox.value.unsent > 0 ? "warn" : "neutral"}
                />
                <Figure
                  label="Oldest"
                  value={
                    outbox.value.oldestCreatedAt
                      ? formatElapsed(now - outbox.value.oldestCreatedAt.getTime())
                      : "—"
                  }
                  tone={
                    outbox.value.oldestCreatedAt &&
                    now - outbox.value.oldestCreatedAt.getTime() > 60_000
                      ? "bad"
                      : "neutral"
                  }
                />
              </dl>
              {outbox.value.failing > 0 && (
                <p className="mt-3 break-words text-sm text-red-700">
                  {outbox.value.failing} event(s) failed to send at least once
                  {outbox.value.lastError ? `: ${outbox.value.lastError}` : "."}
                </p>
              )}
            </>
          ) : (
            <p role="alert" className="text-sm text-red-700">
              The outbox could not be read: {outbox.error}
            </p>
          )}
        </Panel>
      </div>

      <Panel title="Workflow engine" description="Where pipeline runs are executed.">
        {overview.engine.kind === "embedded" && (
          <p className="text-sm text-stone-700">
            The embedded engine.{" "}
            <Link href="/operator/jobs" className="font-medium text-amber-700 hover:underline">
              See its runs
            </Link>
            .
          </p>
        )}
        {overview.engine.kind === "inngest" && (
          <p className="text-sm text-stone-700">
            Inngest. Runs, their steps and cancellations are in{" "}
            <a
              href={overview.engine.dashboardUrl}
              className="font-medium text-amber-700 hover:underline"
              rel="noreferrer"
              target="_blank"
            >
              Inngest&rsquo;s dashboard
            </a>
            .
          </p>
        )}
        {overview.engine.kind === "unreachable" && (
          <p className="text-sm text-red-700">The workflow engine does not answer; see Health.</p>
        )}
      </Panel>
    </div>
  );
}
