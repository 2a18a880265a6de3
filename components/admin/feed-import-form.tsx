"use client";

import { useActionState } from "react";
import { Field, inputClass } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormResult } from "@/lib/platform/validation/form-result";

type Action = (previous: FormResult | null, data: FormData) => Promise<FormResult>;

/** The feed's address and its two settings; a started import opens its progress below. */
export function FeedImportForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, null);
  const errors = state?.fieldErrors ?? {};
  const values = state && !state.ok ? (state.values ?? {}) : {};
  return (
    <form action={formAction} className="space-y-5">
      <FormMessage state={state} />
      <Field
        label="Podcast feed address"
        name="url"
        errors={errors.url}
        hint="The RSS address your podcast host or app shows, e.g. https://example.org/podcast.xml. Every episode becomes a sermon; importing again adds only new episodes."
      >
        <input
          id="url"
          name="url"
          type="url"
          required
          defaultValue={values.url ?? ""}
          placeholder="https://"
          aria-invalid={errors.url ? true : undefined}
          className={inputClass}
        />
      </Field>
      <Option name="keepInSync" label="Keep in sync" checked={values.keepInSync === "on"}>
        check the feed every hour and import new episodes.
      </Option>
      <Option
        name="importAsDrafts"
        label="Import as drafts"
        checked={values.importAsDrafts === "on"}
      >
        otherwise each sermon is published as the feed published it.
      </Option>
      <div className="flex justify-end border-t border-stone-200 pt-5">
        <SubmitButton pendingText="Starting…">Import</SubmitButton>
      </div>
    </form>
  );
}

function Option({
  name,
  label,
  checked,
  children,
}: {
  name: string;
  label: string;
  checked: boolean;
  children: React.ReactNode;
}) {
  return (
    <label className="flex items-start gap-3 text-sm text-stone-700">
      <input
        type="checkbox"
        name={name}
        defaultChecked={checked}
        className="mt-0.5 h-4 w-4 rounded border-stone-300 text-amber-600"
      />
      <span>
        <span className="font-medium text-stone-800">{label}</span> — {children}
      </span>
    </label>
  );
}
