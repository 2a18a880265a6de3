"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormResult } from "@/lib/platform/validation/form-result";

type Action = (previous: FormResult | null, data: FormData) => Promise<FormResult>;

/** Turns a saved feed's hourly sync on or off. */
export function FeedSyncToggle({
  action,
  sourceId,
  keepInSync,
}: {
  action: Action;
  sourceId: string;
  keepInSync: boolean;
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="flex items-center gap-2">
      {state && !state.ok && (
        <span role="alert" className="text-xs text-red-700">
          {state.message}
        </span>
      )}
      <input type="hidden" name="sourceId" value={sourceId} />
      <input type="hidden" name="keepInSync" value={String(!keepInSync)} />
      <SubmitButton tone="quiet" pendingText="Saving…">
        {keepInSync ? "Stop syncing" : "Keep in sync"}
      </SubmitButton>
    </form>
  );
}
