/** The operator pages' card: a title, an optional line under it, and its content. */
export function Panel({
  title,
  description,
  children,
  action,
}: {
  title: string;
  description?: React.ReactNode;
  children: React.ReactNode;
  action?: React.ReactNode;
}) {
  return (
    <section className="min-w-0 rounded-2xl border border-stone-200 bg-white p-5 shadow-sm sm:p-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-base font-semibold text-stone-900">{title}</h2>
          {description && <p className="mt-1 text-sm text-stone-600">{description}</p>}
        </div>
        {action}
      </div>
      <div className="mt-4">{children}</div>
    </section>
  );
}

/** A labelled figure: "Waiting  12". */
export function Figure({
  label,
  value,
  tone = "neutral",
}: {
  label: string;
  value: React.ReactNode;
  tone?: "neutral" | "warn" | "bad";
}) {
  const toneClass = { neutral: "text-stone-900", warn: "text-amber-700", bad: "text-red-700" }[
    tone
  ];
  return (
    <div className="rounded-xl bg-stone-50 px-4 py-3">
      <dt className="text-xs font-medium uppercase tracking-wide text-stone-500">{label}</dt>
      <dd className={`mt-1 text-2xl font-semibold tabular-nums ${toneClass}`}>{value}</dd>
    </div>
  );
}

export function UpDownBadge({ isUp, label }: { isUp: boolean; label?: string }) {
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-medium ${
        isUp ? "bg-emerald-50 text-emerald-700" : "bg-red-50 text-red-700"
      }`}
    >
      <span
        aria-hidden="true"
        className={`h-1.5 w-1.5 rounded-full ${isUp ? "bg-emerald-500" : "bg-red-500"}`}
      />
      {label ?? (isUp ? "Up" : "Down")}
    </span>
  );
}
