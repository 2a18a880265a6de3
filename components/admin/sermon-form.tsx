"use client";

import { useActionState, useState } from "react";
import { Field, inputClass } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { ManuscriptField } from "./manuscript-field";
import type { FormResult } from "@/lib/platform/validation/form-result";

type Option = { id: string; label: string };
export type SermonFormValues = {
  sermonId?: string;
  title: string;
  speakerId: string;
  seriesId: string;
  preachedOn: string;
  description: string;
  tags: string;
  scripture: string;
  publishState: "draft" | "scheduled" | "published";
  publishAt: string;
  manuscript: string;
};
type Action = (previous: FormResult | null, data: FormData) => Promise<FormResult>;

export function SermonForm(props: {
  action: Action;
  values: SermonFormValues;
  speakers: Option[];
  series: Option[];
  normalisedScripture: string[];
  submitLabel: string;
}) {
  const [state, formAction] = useActionState(props.action, null);
  const [publishState, setPublishState] = useState(props.values.publishState);
  const errors = state?.fieldErrors ?? {};
  // After a rejected submit, show what was typed (React resets a form once its action ran).
  const v = { ...props.values, ...(state && !state.ok ? state.values : {}) } as SermonFormValues;
  return (
    <form action={formAction} className="space-y-6">
      {v.sermonId && <input type="hidden" name="sermonId" value={v.sermonId} />}
      <FormMessage state={state} success="Saved." />
      <Field label="Title" name="title" errors={errors.title}>
        <input
          id="title"
          name="title"
          defaultValue={v.title}
          required
          maxLength={200}
          aria-invalid={Boolean(errors.title)}
          className={inputClass}
        />
      </Field>
      <div className="grid gap-6 sm:grid-cols-2">
        <OptionSelect
          label="Speaker"
          name="speakerId"
          options={props.speakers}
          value={v.speakerId}
          errors={errors.speakerId}
        />
        <OptionSelect
          label="Series"
          name="seriesId"
          options={props.series}
          value={v.seriesId}
          errors={errors.seriesId}
        />
      </div>
      <div className="grid gap-6 sm:grid-cols-2">
        <Field label="Date preached" name="preachedOn" errors={errors.preachedOn}>
          <input
            id="preachedOn"
            name="preachedOn"
            type="date"
            defaultValue={v.preachedOn}
            className={inputClass}
          />
        </Field>
        <Field
          label="Scripture"
          name="scripture"
          errors={errors.scripture}
          hint={
            props.normalisedScripture.length
              ? `Read as: ${props.normalisedScripture.join("; ")}`
              : "For example: John 3:16-21; Rom 8"
          }
        >
          <input
            id="scripture"
            name="scripture"
            defaultValue={v.scripture}
            placeholder="John 3:16-21; Rom 8"
            aria-invalid={Boolean(errors.scripture)}
            className={inputClass}
          />
        </Field>
      </div>
      <Field label="Description" name="description" errors={errors.description}>
        <textarea
          id="description"
          name="description"
          rows={4}
          defaultValue={v.description}
          className={inputClass}
        />
      </Field>
      <Field label="Tags" name="tags" errors={errors.tags} hint="Separate tags with commas.">
        <input
          id="tags"
          name="tags"
          defaultValue={v.tags}
          placeholder="grace, prayer, advent"
          className={inputClass}
        />
      </Field>
      <ManuscriptField value={v.manuscript} errors={errors.manuscript} />
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-stone-800">Visibility</legend>
        <div className="flex flex-wrap gap-2">
          {(["draft", "scheduled", "published"] as const).map((state) => (
            <label
              key={state}
              className="flex cursor-pointer items-center gap-2 rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm has-[:checked]:border-amber-500 has-[:checked]:bg-amber-50"
            >
              <input
                type="radio"
                name="publishState"
                value={state}
                checked={publishState === state}
                onChange={() => setPublishState(state)}
                className="accent-amber-600"
              />
              {state === "draft" ? "Draft" : state === "scheduled" ? "Scheduled" : "Published"}
            </label>
          ))}
        </div>
        {publishState === "scheduled" && (
          <Field label="Publish at" name="publishAt" errors={errors.publishAt}>
            <input
              id="publishAt"
              name="publishAt"
              type="datetime-local"
              defaultValue={v.publishAt}
              className={`${inputClass} sm:max-w-xs`}
            />
          </Field>
        )}
      </fieldset>
      <div className="flex justify-end border-t border-stone-200 pt-6">
        <SubmitButton>{props.submitLabel}</SubmitButton>
      </div>
    </form>
  );
}

function OptionSelect(props: {
  label: string;
  name: string;
  options: Option[];
  value: string;
  errors?: string[];
}) {
  return (
    <Field label={props.label} name={props.name} errors={props.errors}>
      <select id={props.name} name={props.name} defaultValue={props.value} className={inputClass}>
        <option value="">—</option>
        {props.options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
