import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/admin/status-badge";
import { ConfirmForm } from "@/components/operator/confirm-form";
import { RefreshButton } from "@/components/operator/refresh-button";
import { formatElapsed, formatInstant } from "@/lib/platform/text/format";
import { listDeadLettersForOperator } from "@/lib/pipeline/operations/dead-letters-view";
import { withOperatorQueues } from "../_lib/operator-queues";
import { requireOperatorPage } from "../_lib/operator-session";
import { deleteDeadLetterMessage, redriveAllDeadLetters, redriveDeadLetter } from "./actions";

export const metadata: Metadata = { title: "Dead letters" };
export const dynamic = "force-dynamic";

export default async function DeadLettersPage() {
  await requireOperatorPage("/operator/dead-letters");
  const listing = await withOperatorQueues((sqs, queues) => listDeadLettersForOperator(sqs, queues))
    .then((letters) => ({ ok: true as const, letters }))
    .catch((error: unknown) => ({
      ok: false as const,
      letters: [],
      error: error instanceof Error ? error.message.slice(0, 200) : "unknown error",
    }));
  const { letters } = listing;
  const now = Date.now();
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold">Dead-letter queue</h2>
          <p className="mt-1 text-sm text-stone-600">
            Events the worker could not hand to the workflow engine. Redriving sends one back to the
            main queue once; its event id keeps a second delivery from running twice.
          </p>
        </div>
        <div className="flex flex-wrap items-start gap-2">
          <RefreshButton />
          {letters.length > 0 && (
            <ConfirmForm
              action={redriveAllDeadLetters}
              label={`Redrive all (${letters.length})`}
              pendingLabel="Redriving…"
              tone="primary"
              confirmation={`Send all ${letters.length} message(s) back to the main queue?`}
            />
          )}
        </div>
      </div>
      {!listing.ok ? (
        <p
          role="alert"
          className="rounded-2xl border border-red-200 bg-red-50 p-5 text-sm text-red-800"
        >
          The dead-letter queue could not be read: {listing.error}. Check the queue on the Overview,
          then refresh.
        </p>
      ) : letters.length === 0 ? (
        <div className="rounded-2xl border border-dashed border-stone-300 bg-white p-10 text-center">
          <p className="font-medium">The dead-letter queue is empty</p>
          <p className="mt-1 text-sm text-stone-600">Every event reached the workflow engine.</p>
        </div>
      ) : (
        <ul className="grid gap-3" aria-label="Dead letters">
          {letters.map((letter) => (
            <li
              key={letter.messageId}
              data-message-id={letter.messageId}
              className="rounded-2xl border border-stone-200 bg-white p-4 shadow-sm sm:p-5"
            >
              <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
                <div className="min-w-0">
                  <p className="font-medium text-stone-900">
                    {letter.eventName ?? "Unreadable message"}
                  </p>
                  <p className="mt-1 break-words text-sm text-red-800">{letter.reason}</p>
                  <p className="mt-1 text-sm text-stone-500">
                    {[
                      letter.since &&
                        `${formatElapsed(now - letter.since.getTime())} ago (${formatInstant(letter.since)})`,
                      letter.receiveCount !== null && `received ${letter.receiveCount}×`,
                      `message ${letter.messageId}`,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                  {letter.eventId && (
                    <p className="mt-1 break-all font-mono text-xs text-stone-500">
                      event {letter.eventId}
                    </p>
                  )}
                  {letter.sermon && (
                    <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
                      <Link
                        href={`/operator/sermons/${letter.sermon.id}`}
                        className="font-medium text-amber-700 hover:underline"
                      >
                        {letter.sermon.title}
                      </Link>
                      <span className="text-stone-500">{letter.sermon.church.name}</span>
                      <StatusBadge status={letter.sermon.status} />
                    </p>
                  )}
                  <details className="mt-2 text-sm">
                    <summary className="cursor-pointer text-stone-600 hover:text-stone-900">
                      Message body
                    </summary>
                    <pre className="mt-2 max-h-48 overflow-auto whitespace-pre-wrap break-all rounded-lg bg-stone-50 p-3 font-mono text-xs text-stone-700">
                      {letter.bodyPreview}
                    </pre>
                  </details>
                </div>
                <div className="flex shrink-0 flex-wrap gap-2">
                  <ConfirmForm
                    action={redriveDeadLetter}
                    fields={{ messageId: letter.messageId }}
                    label="Redrive"
                    pendingLabel="Redriving…"
                    tone="primary"
                    confirmation="Send this message back to the main queue?"
                  />
                  <ConfirmForm
                    action={deleteDeadLetterMessage}
                    fields={{ messageId: letter.messageId }}
                    label="Delete"
                    pendingLabel="Deleting…"
                    tone="danger"
                    confirmation="Delete this message for good? Its event will not be delivered."
                  />
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
