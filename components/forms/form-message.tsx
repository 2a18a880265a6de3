import type { FormResult } from "@/lib/platform/validation/form-result";

export function FormMessage({ state, success }: { state: FormResult | null; success?: string }) {
  if (!state) return null;
  if (state.ok)
    return success ? (
      <p
        role="status"
        className="rounded-lg bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-800"
      >
        {success}
      </p>
    ) : null;
  return state.message ? (
    <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm font-medium text-red-700">
      {state.message}
    </p>
  ) : null;
}
