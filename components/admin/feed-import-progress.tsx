import Link from "next/link";
import type {
  FeedImportItemView,
  FeedImportView,
  ItemViewState,
} from "@/lib/pipeline/import/feed-import-view";
import { formatBytes } from "@/lib/platform/text/format";
import { AutoRefresh } from "./auto-refresh";

const STATE: Record<ItemViewState, { label: string; className: string }> = {
  queued: { label: "Queued", className: "bg-stone-100 text-stone-600" },
  fetching: { label: "Fetching", className: "bg-sky-50 text-sky-700" },
  processing: { label: "Processing", className: "bg-amber-50 text-amber-800" },
  done: { label: "Done", className: "bg-emerald-100 text-emerald-800" },
  failed: { label: "Failed", className: "bg-red-50 text-red-700" },
};

const IMPORT_STATUS: Record<FeedImportView["status"], string> = {
  queued: "Waiting to start",
  reading: "Reading the feed",
  importing: "Importing",
  finished: "Finished",
  failed: "Stopped",
};

/**
 * One import, live: the feed's status, counts per state and each item's state (with the bytes
 * fetched so far, and why it failed). Refreshes itself while anything is still moving.
 */
export function FeedImportProgress({
  view,
  churchSlug,
}: {
  view: FeedImportView;
  churchSlug: string;
}) {
  const pageHref = (page: number) => `/admin/${churchSlug}/import?import=${view.id}&page=${page}`;
  return (
    <section
      aria-labelledby="import-progress-heading"
      data-import-status={view.status}
      className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm sm:p-8"
    >
      <AutoRefresh isActive={view.isActive} />
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="import-progress-heading" className="text-lg font-semibold">
          {view.isStalled ? "Stopped unfinished" : IMPORT_STATUS[view.status]}
        </h2>
        <p className="text-xs text-stone-500">
          Started by {view.startedBy} ·{" "}
          {view.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC
        </p>
      </div>
      <p className="mt-1 break-all text-sm text-stone-600">{view.url}</p>
      {view.failureReason && (
        <p role="alert" className="mt-4 rounded-lg bg-red-50 px-4 py-3 text-sm text-red-800">
          {view.failureReason}
        </p>
      )}
      {view.isStalled && (
        <p role="alert" className="mt-4 rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900">
          This import has made no progress for an hour. Import the feed again to pick up where it
          stopped.
        </p>
      )}
      {view.itemCount !== null && (
        <dl className="mt-5 grid grid-cols-2 gap-3 text-sm sm:grid-cols-6">
          <Count label="In the feed" value={view.itemCount} />
          <Count label="Already imported" value={view.skippedCount} />
          {(Object.keys(STATE) as ItemViewState[]).map((state) => (
            <Count key={state} label={STATE[state].label} value={view.counts[state]} />
          ))}
        </dl>
      )}
      {view.items.length > 0 && (
        <ol className="mt-6 divide-y divide-stone-100 border-t border-stone-100">
          {view.items.map((item) => (
            <ItemRow key={item.id} item={item} churchSlug={churchSlug} />
          ))}
        </ol>
      )}
      {view.pageCount > 1 && (
        <nav aria-label="Items" className="mt-4 flex items-center justify-between text-sm">
          {view.page > 1 ? <Link href={pageHref(view.page - 1)}>← Previous</Link> : <span />}
          <span className="text-stone-500">
            Page {view.page} of {view.pageCount}
          </span>
          {view.page < view.pageCount ? (
            <Link href={pageHref(view.page + 1)}>Next →</Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </section>
  );
}

function Count({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-lg bg-stone-50 px-3 py-2">
      <dt className="text-xs text-stone-500">{label}</dt>
      <dd className="text-base font-semibold tabular-nums">{value.toLocaleString("en-US")}</dd>
    </div>
  );
}

function ItemRow({ item, churchSlug }: { item: FeedImportItemView; churchSlug: string }) {
  const { label, className } = STATE[item.state];
  return (
    <li data-state={item.state} className="py-3 text-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        {item.sermonId ? (
          <Link
            href={`/admin/${churchSlug}/sermons/${item.sermonId}`}
            className="font-medium text-stone-900 hover:text-amber-700"
          >
            {item.title}
          </Link>
        ) : (
          <span className="font-medium text-stone-900">{item.title}</span>
        )}
        <span className="flex items-center gap-2">
          {item.state === "fetching" && (
            <span className="text-xs tabular-nums text-stone-500">
              {formatBytes(item.bytesFetched)}
              {item.bytesTotal ? ` of ${formatBytes(item.bytesTotal)}` : ""}
            </span>
          )}
          <span
            className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-medium ${className}`}
          >
            {label}
          </span>
        </span>
      </div>
      {item.reason && <p className="mt-1 text-xs text-red-700">{item.reason}</p>}
      {item.note && <p className="mt-1 text-xs text-stone-500">{item.note}</p>}
    </li>
  );
}
