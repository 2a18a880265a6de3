import type { ReactNode } from "react";

/** The frame of the listener's sign-in and sign-up pages. */
export function AuthPage({
  title,
  intro,
  children,
}: {
  title: string;
  intro: string;
  children: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-md px-4 py-12 sm:py-20">
      <div className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="font-serif text-2xl font-semibold tracking-tight">{title}</h1>
        <p className="mt-2 text-sm text-stone-600">{intro}</p>
        <div className="mt-8">{children}</div>
      </div>
      <p className="mt-6 text-center text-xs text-stone-500">
        Listening needs no account. One keeps your place on every device and lets you follow your
        church.
      </p>
    </div>
  );
}
