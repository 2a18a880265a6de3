import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusBadge, publishLabel } from "@/components/admin/status-badge";
import { ConfirmForm } from "@/components/operator/confirm-form";
import { Panel } from "@/components/operator/panel";
import { sermonPagePath } from "@/lib/catalog/sermons/sermon-page-path";
import { formatInstant } from "@/lib/platform/text/format";
import { loadSermonForOperator } from "@/lib/pipeline/operations/operator-sermon";
import { requireOperatorPage } from "../../_lib/operator-session";
import { retrySermon } from "../../jobs/actions";

export const metadata: Metadata = { title: "Sermon" };
export const dynamic = "force-dynamic";

export default async function OperatorSermonPage({
  params,
}: {
  params: Promise<{ sermonId: string }>;
}) {
  const { sermonId } = await params;
  await requireOperatorPage(`/operator/sermons/${encodeURIComponent(sermonId)}`);
  // Ids are cuids: anything else names no sermon (and never reaches the database).
  const sermon = /^[\w-]{1,64}$/.test(sermonId) ? await loadSermonForOperator(sermonId) : null;
  if (!sermon) notFound();
  return (
    <Panel
      title={sermon.title}
      description={`${sermon.church.name} · ${publishLabel(sermon.publishState)}`}
      action={<StatusBadge status={sermon.status} />}
    >
      <dl className="grid gap-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-stone-500">Recording</dt>
          <dd>{sermon.mediaVersion === 0 ? "None yet" : `Upload ${sermon.mediaVersion}`}</dd>
        </div>
        <div>
          <dt className="text-stone-500">Last change</dt>
          <dd>{formatInstant(sermon.updatedAt)}</dd>
        </div>
      </dl>
      {sermon.failure && (
        <p className="mt-4 break-words rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          {sermon.failure}
        </p>
      )}
      <div className="mt-4 flex flex-wrap items-start gap-3">
        {sermon.status === "failed" && (
          <ConfirmForm
            action={retrySermon}
            fields={{ sermonId: sermon.id }}
            label="Retry"
            pendingLabel="Retrying…"
            tone="primary"
          />
        )}
        {sermon.publishState === "published" && (
          <Link
            href={sermonPagePath(sermon.church.slug, sermon.slug)}
            className="rounded-lg px-3 py-1.5 text-sm font-medium text-amber-700 hover:bg-amber-50"
          >
            Listener page
          </Link>
        )}
        <Link
          href="/operator/jobs"
          className="rounded-lg px-3 py-1.5 text-sm font-medium text-stone-600 hover:bg-stone-100"
        >
          All runs
        </Link>
      </div>
    </Panel>
  );
}
