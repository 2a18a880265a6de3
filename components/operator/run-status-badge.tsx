const STYLES: Record<string, string> = {
  Queued: "bg-stone-100 text-stone-700",
  Running: "bg-sky-50 text-sky-700",
  Completed: "bg-emerald-50 text-emerald-700",
  Failed: "bg-red-50 text-red-700",
  Cancelled: "bg-amber-50 text-amber-800",
};

export function RunStatusBadge({ status }: { status: string }) {
  return (
    <span
      data-run-status={status}
      className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-medium ${
        STYLES[status] ?? "bg-stone-100 text-stone-700"
      }`}
    >
      {status}
    </span>
  );
}
