"use client";

import { useActionState, useEffect, useState } from "react";
import { inputClass } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { formatDuration } from "@/lib/platform/text/format";
import type { FormResult } from "@/lib/platform/validation/form-result";

type Action = (previous: FormResult | null, data: FormData) => Promise<FormResult>;

export interface EditableSegment {
  id: string;
  startMs: number;
  speaker: string | null;
  text: string;
  /** Said but not in the manuscript: the recogniser's words, worth checking first. */
  isRecognised?: boolean;
  /** The recogniser was unsure of it: listeners see it dimmed or as "[unclear]". */
  isUnsure?: boolean;
  editCount: number;
}

/** One segment of the admin's transcript: read, or corrected in place. */
export function TranscriptSegmentRow({
  segment,
  sermonId,
  action,
}: {
  segment: EditableSegment;
  sermonId: string;
  action: Action;
}) {
  const [isEditing, setIsEditing] = useState(false);
  const [state, formAction] = useActionState(action, null);
  useEffect(() => {
    if (state?.ok) setIsEditing(false);
  }, [state]);
  const fieldId = `segment-${segment.id}`;
  return (
    <li
      className="grid grid-cols-[4rem_1fr] gap-3 py-3 sm:grid-cols-[5rem_1fr_auto]"
      data-segment-id={segment.id}
    >
      <span className="pt-0.5 font-mono text-xs text-stone-500 tabular-nums">
        {formatDuration(segment.startMs)}
      </span>
      <div className="min-w-0 space-y-2">
        {segment.speaker && (
          <p className="text-xs font-semibold uppercase tracking-wide text-amber-700">
            {segment.speaker}
          </p>
        )}
        {isEditing ? (
          <form action={formAction} className="space-y-2">
            <input type="hidden" name="sermonId" value={sermonId} />
            <input type="hidden" name="segmentId" value={segment.id} />
            <label htmlFor={fieldId} className="sr-only">
              Text at {formatDuration(segment.startMs)}
            </label>
            <textarea
              id={fieldId}
              name="text"
              rows={3}
              defaultValue={state?.values?.text ?? segment.text}
              className={inputClass}
              autoFocus
            />
            <FormMessage state={state} />
            <div className="flex gap-2">
              <SubmitButton>Save correction</SubmitButton>
              <button
                type="button"
                onClick={() => setIsEditing(false)}
                className="rounded-lg px-3 py-2 text-sm font-medium text-stone-600 hover:bg-stone-100"
              >
                Cancel
              </button>
            </div>
          </form>
        ) : (
          <>
            <p className="text-sm leading-relaxed text-stone-800">
              {segment.isRecognised && (
                <span className="mr-1.5 rounded bg-amber-100 px-1 py-0.5 align-middle text-[11px] font-semibold tracking-wide text-amber-900 uppercase">
                  Not in manuscript, as heard
                </span>
              )}
              {segment.isUnsure && (
                <span
                  data-testid="unsure-segment"
                  className="mr-1.5 rounded bg-stone-200 px-1 py-0.5 align-middle text-[11px] font-semibold tracking-wide text-stone-800 uppercase"
                >
                  Unsure, check the audio
                </span>
              )}
              {segment.text}
            </p>
            {state?.ok && state.message && (
              <p role="status" className="text-xs font-medium text-emerald-700">
                {state.message}
              </p>
            )}
          </>
        )}
        {segment.editCount > 0 && !isEditing && (
          <p className="text-xs text-stone-500">
            Corrected {segment.editCount === 1 ? "once" : `${segment.editCount} times`}
          </p>
        )}
      </div>
      {!isEditing && (
        <button
          type="button"
          onClick={() => setIsEditing(true)}
          className="col-start-2 justify-self-start rounded-lg px-3 py-1.5 text-sm font-medium text-amber-700 hover:bg-amber-50 sm:col-start-3 sm:self-start"
        >
          Edit
        </button>
      )}
    </li>
  );
}
