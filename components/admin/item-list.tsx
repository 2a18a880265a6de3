import type { ReactNode } from "react";

export function ItemList({
  items,
  empty,
}: {
  items: { id: string; title: string; detail?: string | null; meta: string; actions: ReactNode }[];
  empty: string;
}) {
  if (!items.length)
    return (
      <p className="rounded-2xl border border-dashed border-stone-300 bg-white p-8 text-center text-sm text-stone-600">
        {empty}
      </p>
    );
  return (
    <ul className="divide-y divide-stone-200 overflow-hidden rounded-2xl border border-stone-200 bg-white">
      {items.map((item) => (
        <li key={item.id} className="flex items-start justify-between gap-4 px-5 py-4">
          <div className="min-w-0">
            <p className="font-medium text-stone-900">{item.title}</p>
            {item.detail && (
              <p className="mt-0.5 line-clamp-2 text-sm text-stone-600">{item.detail}</p>
            )}
            <p className="mt-1 text-xs text-stone-500">{item.meta}</p>
          </div>
          {item.actions}
        </li>
      ))}
    </ul>
  );
}
