"use client";

import { useFormStatus } from "react-dom";

export function SubmitButton({
  children,
  pendingText = "Saving…",
  tone = "primary",
}: {
  children: React.ReactNode;
  pendingText?: string;
  tone?: "primary" | "danger" | "quiet";
}) {
  const { pending } = useFormStatus();
  const tones = {
    primary: "bg-amber-700 text-white hover:bg-amber-800 shadow-sm",
    danger: "text-red-700 hover:bg-red-50",
    quiet: "text-stone-700 hover:bg-stone-100",
  };
  return (
    <button
      type="submit"
      disabled={pending}
      className={`inline-flex items-center justify-center rounded-lg px-4 py-2 text-sm font-semibold transition disabled:cursor-wait disabled:opacity-60 ${tones[tone]}`}
    >
      {pending ? pendingText : children}
    </button>
  );
}
