import type { Ref } from "react";

/** The player's "Bookmark" (B): marks the current moment and asks for a note. */
export function BookmarkButton({
  onClick,
  ref,
}: {
  onClick: () => void;
  ref?: Ref<HTMLButtonElement>;
}) {
  return (
    <button
      ref={ref}
      type="button"
      onClick={onClick}
      aria-label="Bookmark this moment"
      title="Bookmark this moment (B)"
      className="inline-flex items-center gap-1.5 rounded-lg px-3 py-1.5 font-medium text-amber-800 hover:bg-amber-50"
    >
      <svg
        aria-hidden
        viewBox="0 0 24 24"
        className="size-4 fill-none stroke-current"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M6 3h12a1 1 0 0 1 1 1v17l-7-4.5L5 21V4a1 1 0 0 1 1-1Z" />
      </svg>
      Bookmark
    </button>
  );
}
