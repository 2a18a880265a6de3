const SIZES = {
  card: "size-11 rounded-xl text-lg",
  page: "size-14 rounded-2xl text-2xl",
} as const;

/** A church's initial in a tile: its mark until churches have logos. */
export function ChurchMonogram({ name, size }: { name: string; size: keyof typeof SIZES }) {
  return (
    <span
      aria-hidden
      className={`grid shrink-0 place-items-center bg-amber-100 font-serif font-semibold text-amber-800 ${SIZES[size]}`}
    >
      {name.charAt(0)}
    </span>
  );
}
