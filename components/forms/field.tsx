import type { ReactNode } from "react";

export const inputClass =
  "block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 shadow-sm outline-none transition placeholder:text-stone-400 focus:border-amber-500 focus:ring-2 focus:ring-amber-500/20 aria-[invalid=true]:border-red-400";

export function Field(props: {
  label: string;
  name: string;
  errors?: string[];
  hint?: ReactNode;
  children: ReactNode;
}) {
  const errorId = `${props.name}-error`;
  return (
    <div className="space-y-1.5">
      <label htmlFor={props.name} className="block text-sm font-medium text-stone-800">
        {props.label}
      </label>
      {props.children}
      {props.hint && !props.errors?.length && (
        <p className="text-xs text-stone-500">{props.hint}</p>
      )}
      {props.errors?.map((error) => (
        <p key={error} id={errorId} role="alert" className="text-xs font-medium text-red-600">
          {error}
        </p>
      ))}
    </div>
  );
}
