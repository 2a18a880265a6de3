import type { ReactNode } from "react";

/** One panel of the insights page: a heading, an optional CSV export beside it, its content. */
export function InsightsPanel({
  id,
  title,
  csv,
  children,
}: {
  id: string;
  title: ReactNode;
  csv?: { href: string; label: string };
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={id}
      className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={id} className="font-medium text-stone-900">
          {title}
        </h3>
        {csv && (
          <a href={csv.href} className="text-sm text-amber-800 underline" download>
            {csv.label}
          </a>
        )}
      </div>
      {children}
    </section>
  );
}
