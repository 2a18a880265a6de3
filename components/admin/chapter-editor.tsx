"use client";

import { useActionState } from "react";
import { inputClass } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import type { AdminChapter } from "@/lib/catalog/chapters/chapter-queries";
import { MAX_CHAPTER_TITLE } from "@/lib/catalog/chapters/chapter-limits";
import { formatDuration } from "@/lib/platform/text/format";
import type { FormResult } from "@/lib/platform/validation/form-result";

type Action = (previous: FormResult | null, data: FormData) => Promise<FormResult>;

const fieldError = (state: FormResult | null, name: string) =>
  state?.fieldErrors?.[name]?.map((message) => (
    <span key={message} className="block text-xs text-red-600">
      {message}
    </span>
  ));

/** The fields of a chapter: title and start, with what was refused shown again. */
function ChapterFields({
  idPrefix,
  state,
  title,
  start,
}: {
  idPrefix: string;
  state: FormResult | null;
  title: string;
  start: string;
}) {
  return (
    <div className="grid flex-1 gap-2 sm:grid-cols-[7rem_1fr]">
      <label className="text-xs font-medium text-stone-600" htmlFor={`${idPrefix}-start`}>
        Starts at
        <input
          id={`${idPrefix}-start`}
          name="start"
          inputMode="numeric"
          placeholder="12:30"
          defaultValue={state?.values?.start ?? start}
          className={`${inputClass} mt-1 font-mono tabular-nums`}
          required
        />
        {fieldError(state, "start")}
      </label>
      <label className="text-xs font-medium text-stone-600" htmlFor={`${idPrefix}-title`}>
        Title
        <input
          id={`${idPrefix}-title`}
          name="title"
          maxLength={MAX_CHAPTER_TITLE}
          defaultValue={state?.values?.title ?? title}
          className={`${inputClass} mt-1`}
          required
        />
        {fieldError(state, "title")}
      </label>
    </div>
  );
}

function ChapterRow({
  chapter,
  sermonId,
  updateAction,
  removeAction,
}: {
  chapter: AdminChapter;
  sermonId: string;
  updateAction: Action;
  removeAction: Action;
}) {
  const [saved, save] = useActionState(updateAction, null);
  const [removed, remove, isRemoving] = useActionState(removeAction, null);
  return (
    <li className="py-3" data-chapter-id={chapter.id}>
      <div className="flex flex-wrap items-end gap-2">
        <form action={save} className="flex flex-1 flex-wrap items-end gap-2">
          <input type="hidden" name="sermonId" value={sermonId} />
          <input type="hidden" name="chapterId" value={chapter.id} />
          <ChapterFields
            idPrefix={`chapter-${chapter.id}`}
            state={saved}
            title={chapter.title}
            start={formatDuration(chapter.startMs)}
          />
          <SubmitButton>Save</SubmitButton>
        </form>
        <form action={remove}>
          <input type="hidden" name="sermonId" value={sermonId} />
          <input type="hidden" name="chapterId" value={chapter.id} />
          <button
            type="submit"
            disabled={isRemoving}
            aria-label={`Delete chapter ${chapter.title}`}
            className="rounded-lg px-3 py-2 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-50"
          >
            {isRemoving ? "Deleting…" : "Delete"}
          </button>
        </form>
      </div>
      <div className="mt-2">
        <FormMessage state={saved} success={saved?.message} />
        <FormMessage state={removed} />
      </div>
    </li>
  );
}

/**
 * The admin's chapters of a sermon: each renamed or moved in place, deleted, or a new one
 * added. Times are typed as minutes and seconds (or hours, minutes and seconds).
 */
export function ChapterEditor({
  sermonId,
  chapters,
  canPlace,
  addAction,
  updateAction,
  removeAction,
}: {
  sermonId: string;
  chapters: AdminChapter[];
  /** False until the recording is processed: a chapter's start needs its length. */
  canPlace: boolean;
  addAction: Action;
  updateAction: Action;
  removeAction: Action;
}) {
  const [added, add] = useActionState(addAction, null);
  const isAuto = chapters.length > 0 && chapters.every((chapter) => chapter.source === "auto");
  return (
    <section
      aria-labelledby="chapters-heading"
      className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm sm:p-8"
    >
      <h2 id="chapters-heading" className="text-lg font-semibold">
        Chapters
      </h2>
      <p className="mt-1 text-sm text-stone-600">
        {chapters.length === 0
          ? "Chapters are found automatically once the sermon is transcribed; you can add your own."
          : isAuto
            ? "Found automatically from the transcript. Once you change any of them, they are all yours: a new transcript no longer replaces them."
            : "Edited by you: a new transcript keeps them. Delete them all to have them found automatically again."}
      </p>
      {chapters.length > 0 && (
        <ol className="mt-4 divide-y divide-stone-100">
          {chapters.map((chapter) => (
            // Keyed by content too, so a saved change resets the row's fields to what was stored.
            <ChapterRow
              key={`${chapter.id}-${chapter.startMs}-${chapter.title}`}
              chapter={chapter}
              sermonId={sermonId}
              updateAction={updateAction}
              removeAction={removeAction}
            />
          ))}
        </ol>
      )}
      {canPlace && (
        <form
          action={add}
          key={added?.ok ? `added-${chapters.length}` : "adding"}
          className="mt-6 border-t border-stone-100 pt-6"
        >
          <h3 className="mb-2 text-sm font-semibold text-stone-900">Add a chapter</h3>
          <input type="hidden" name="sermonId" value={sermonId} />
          <div className="flex flex-wrap items-end gap-2">
            <ChapterFields
              idPrefix="new-chapter"
              state={added?.ok ? null : added}
              title=""
              start=""
            />
            <SubmitButton>Add chapter</SubmitButton>
          </div>
          <div className="mt-2">
            <FormMessage state={added} success={added?.message} />
          </div>
        </form>
      )}
    </section>
  );
}
