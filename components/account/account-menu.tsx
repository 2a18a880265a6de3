"use client";

import Link from "next/link";
import { useListenerSession } from "./use-listener-session";

/** The header's account corner: "Sign in", or the listener's name linking to their account. */
export function AccountMenu() {
  const session = useListenerSession();
  const linkClass = "rounded-md px-3 py-2 hover:bg-stone-100 hover:text-stone-900";
  if (session.status === "loading")
    return <span aria-hidden className="inline-block h-9 w-16 sm:w-20" />;
  if (session.status === "signed-out")
    return (
      <Link href="/account/sign-in" className={linkClass}>
        Sign in
      </Link>
    );
  return (
    <Link
      href="/account"
      // The name first, as it is shown: a voice user says what they see (WCAG 2.5.3).
      aria-label={`${session.name}: your account`}
      className={`${linkClass} flex max-w-[10rem] items-center gap-2 sm:max-w-[14rem]`}
    >
      {/* The initial is drawn by CSS, so it is no part of the link's text. */}
      <span
        aria-hidden
        data-initial={(session.name.trim()[0] ?? "?").toUpperCase()}
        className="grid size-6 shrink-0 place-items-center rounded-full bg-amber-100 text-xs font-semibold text-amber-800 before:content-[attr(data-initial)]"
      />
      <span className="hidden truncate sm:inline">{session.name}</span>
    </Link>
  );
}
