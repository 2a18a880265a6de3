/** A listener page section's title, with how many things it holds on the right. */
export function SectionHeading({
  id,
  title,
  count,
}: {
  id: string;
  title: string;
  count?: string;
}) {
  return (
    <div className="flex items-baseline justify-between gap-4">
      <h2 id={id} className="text-2xl font-semibold tracking-tight">
        {title}
      </h2>
      {count && <p className="text-sm text-stone-500">{count}</p>}
    </div>
  );
}
