import type { ReactNode } from "react";

/** What a listener list says when it has nothing to show. */
export function EmptyState({ title, body }: { title: string; body: ReactNode }) {
  return (
    <div className="mt-8 rounded-2xl border border-dashed border-stone-300 bg-white p-10 text-center">
      <p className="font-medium text-stone-900">{title}</p>
      <p className="mt-2 text-sm text-stone-600">{body}</p>
    </div>
  );
}
