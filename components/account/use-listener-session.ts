"use client";

import { useEffect, useState } from "react";

export type ListenerSession =
  | { status: "loading" }
  | { status: "signed-out" }
  | { status: "signed-in"; name: string; email: string };

let pending: Promise<ListenerSession> | null = null;

// One request per page load, however many components ask (header, follow buttons, home).
const loadSession = () =>
  (pending ??= fetch("/api/auth/get-session", { cache: "no-store" })
    .then((response) => (response.ok ? response.json() : null))
    .then((body: { user?: { name: string; email: string } } | null): ListenerSession =>
      body?.user
        ? { status: "signed-in", name: body.user.name, email: body.user.email }
        : { status: "signed-out" },
    )
    .catch((): ListenerSession => ({ status: "signed-out" })));

/**
 * Who is listening, read in the browser (better-auth's get-session), so listener pages stay
 * the same for everyone and can be cached; only the parts that differ ask.
 */
export function useListenerSession(): ListenerSession {
  const [session, setSession] = useState<ListenerSession>({ status: "loading" });
  useEffect(() => {
    // The embeddable player (on other sites) shows no account corner: nothing to ask.
    if (window.location.pathname.startsWith("/embed/")) return;
    let live = true;
    void loadSession().then((value) => live && setSession(value));
    return () => {
      live = false;
    };
  }, []);
  return session;
}
