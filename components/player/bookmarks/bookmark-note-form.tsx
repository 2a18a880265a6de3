"use client";

import { useId, useState } from "react";
import { BOOKMARK_LIMITS } from "@/lib/catalog/bookmarks/bookmark-limits";
import { formatDuration } from "@/lib/platform/text/format";

/**
 * The note for a new bookmark, asked for inline under the player's controls: Enter saves (an
 * empty note is fine), Escape or Cancel leaves without a bookmark.
 */
export function BookmarkNoteForm({
  positionMs,
  onSave,
  onCancel,
}: {
  positionMs: number;
  onSave: (note: string) => Promise<boolean>;
  onCancel: () => void;
}) {
  const id = useId();
  const [note, setNote] = useState("");
  const [isSaving, setIsSaving] = useState(false);
  return (
    <form
      aria-label="New bookmark"
      className="mt-3 flex flex-wrap items-end gap-2 rounded-xl border border-amber-200 bg-amber-50/60 p-3 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        if (isSaving) return;
        setIsSaving(true);
        void onSave(note).finally(() => setIsSaving(false));
      }}
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.preventDefault();
        event.stopPropagation();
        onCancel();
      }}
    >
      <div className="min-w-48 flex-1">
        <label htmlFor={id} className="block text-xs font-medium text-stone-700">
          Note for {formatDuration(positionMs)} (optional)
        </label>
        <input
          id={id}
          type="text"
          autoFocus
          value={note}
          maxLength={BOOKMARK_LIMITS.noteChars}
          onChange={(event) => setNote(event.target.value)}
          placeholder="What was said here?"
          className="mt-1 w-full rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-stone-900 placeholder:text-stone-500 focus:border-amber-600 focus:outline-none focus:ring-2 focus:ring-amber-600/30"
        />
      </div>
      <button
        type="submit"
        disabled={isSaving}
        className="rounded-lg bg-amber-700 px-3 py-1.5 font-medium text-white hover:bg-amber-800 disabled:opacity-60"
      >
        Save bookmark
      </button>
      <button
        type="button"
        onClick={onCancel}
        className="rounded-lg px-3 py-1.5 font-medium text-stone-700 hover:bg-stone-100"
      >
        Cancel
      </button>
    </form>
  );
}
