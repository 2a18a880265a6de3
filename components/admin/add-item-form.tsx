"use client";

import { useActionState, useEffect, useRef } from "react";
import { Field, inputClass } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormResult } from "@/lib/platform/validation/form-result";

type Action = (previous: FormResult | null, data: FormData) => Promise<FormResult>;

/** A name/title plus a longer text, as speakers and series both need. */
export function AddItemForm(props: {
  action: Action;
  nameField: string;
  nameLabel: string;
  textField: string;
  textLabel: string;
  submitLabel: string;
}) {
  const [state, formAction] = useActionState(props.action, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  const errors = state?.fieldErrors ?? {};
  const kept = state && !state.ok ? state.values : undefined;
  return (
    <form
      ref={form}
      action={formAction}
      className="space-y-4 rounded-2xl border border-stone-200 bg-white p-6 shadow-sm"
    >
      <FormMessage state={state} success={state?.message} />
      <Field label={props.nameLabel} name={props.nameField} errors={errors[props.nameField]}>
        <input
          id={props.nameField}
          name={props.nameField}
          required
          defaultValue={kept?.[props.nameField]}
          aria-invalid={Boolean(errors[props.nameField])}
          className={inputClass}
        />
      </Field>
      <Field label={props.textLabel} name={props.textField} errors={errors[props.textField]}>
        <textarea
          id={props.textField}
          name={props.textField}
          rows={3}
          defaultValue={kept?.[props.textField]}
          className={inputClass}
        />
      </Field>
      <div className="flex justify-end">
        <SubmitButton>{props.submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
