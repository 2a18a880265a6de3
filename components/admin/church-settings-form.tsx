"use client";

import { useActionState } from "react";
import { Field, inputClass } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormResult } from "@/lib/platform/validation/form-result";

type Action = (previous: FormResult | null, data: FormData) => Promise<FormResult>;
type Values = {
  name: string;
  description: string;
  websiteUrl: string;
  givingUrl: string;
  timezone: string;
};

export function ChurchSettingsForm({
  action,
  values,
  timezones,
}: {
  action: Action;
  values: Values;
  timezones: string[];
}) {
  const [state, formAction] = useActionState(action, null);
  const errors = state?.fieldErrors ?? {};
  values = { ...values, ...(state && !state.ok ? state.values : {}) };
  return (
    <form action={formAction} className="space-y-6">
      <FormMessage state={state} success="Settings saved." />
      <Field label="Name" name="name" errors={errors.name}>
        <input id="name" name="name" defaultValue={values.name} required className={inputClass} />
      </Field>
      <Field
        label="Description"
        name="description"
        errors={errors.description}
        hint="Shown to listeners on the home page."
      >
        <textarea
          id="description"
          name="description"
          rows={3}
          defaultValue={values.description}
          className={inputClass}
        />
      </Field>
      <div className="grid gap-6 sm:grid-cols-2">
        <Field label="Website" name="websiteUrl" errors={errors.websiteUrl}>
          <input
            id="websiteUrl"
            name="websiteUrl"
            type="url"
            defaultValue={values.websiteUrl}
            placeholder="https://"
            className={inputClass}
          />
        </Field>
        <Field label="Time zone" name="timezone" errors={errors.timezone}>
          <select
            id="timezone"
            name="timezone"
            defaultValue={values.timezone}
            className={inputClass}
          >
            {timezones.map((zone) => (
              <option key={zone}>{zone}</option>
            ))}
          </select>
        </Field>
      </div>
      <Field
        label="Giving link"
        name="givingUrl"
        errors={errors.givingUrl}
        hint="Where listeners can give online. Podcast apps show it beside your feeds."
      >
        <input
          id="givingUrl"
          name="givingUrl"
          type="url"
          defaultValue={values.givingUrl}
          placeholder="https://"
          className={inputClass}
        />
      </Field>
      <div className="flex justify-end border-t border-stone-200 pt-6">
        <SubmitButton>Save settings</SubmitButton>
      </div>
    </form>
  );
}
