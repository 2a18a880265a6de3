"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { FollowTarget } from "@/lib/catalog/follows/follow-target";
import { useListenerSession } from "./use-listener-session";

let follows: Promise<FollowTarget[]> | null = null;
// One read of the listener's follows per page load, whatever the number of buttons.
const loadFollows = () =>
  (follows ??= fetch("/api/me/follows", { cache: "no-store" })
    .then((response) => (response.ok ? response.json() : { follows: [] }))
    .then((body: { follows: FollowTarget[] }) => body.follows)
    .catch(() => []));

const sameTarget = (a: FollowTarget, b: FollowTarget) =>
  a.kind === b.kind &&
  a.church === b.church &&
  (a.kind === "church" || (b.kind !== "church" && a.slug === b.slug));

const pill =
  "inline-flex items-center gap-2 rounded-full px-4 py-2 text-sm font-medium shadow-sm transition disabled:opacity-60";

/** Follow / Following for a church, series or speaker; signed out, a way to sign in first. */
export function FollowButton({ target, name }: { target: FollowTarget; name: string }) {
  const session = useListenerSession();
  const [following, setFollowing] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [signInHref, setSignInHref] = useState("/account/sign-in");

  useEffect(() => {
    setSignInHref(`/account/sign-in?next=${encodeURIComponent(window.location.pathname)}`);
    if (session.status !== "signed-in") return;
    let live = true;
    void loadFollows().then((list) => {
      if (live) setFollowing(list.some((item) => sameTarget(item, target)));
    });
    return () => {
      live = false;
    };
  }, [session.status, target]);

  if (session.status === "signed-out")
    return (
      <Link
        href={signInHref}
        className={`${pill} border border-stone-300 bg-white text-stone-700 hover:bg-stone-50`}
      >
        Sign in to follow
      </Link>
    );
  if (session.status === "loading" || following === null)
    return <span aria-hidden className="inline-block h-9 w-24" />;

  const toggle = async () => {
    setBusy(true);
    const response = await fetch("/api/me/follows", {
      method: following ? "DELETE" : "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(target),
    }).catch(() => null);
    setBusy(false);
    if (response?.ok) {
      follows = null;
      setFollowing(!following);
    }
  };
  return (
    <button
      type="button"
      disabled={busy}
      aria-pressed={following}
      aria-label={following ? `Following ${name}; stop following` : `Follow ${name}`}
      onClick={() => void toggle()}
      className={
        following
          ? `${pill} border border-amber-300 bg-amber-50 text-amber-900 hover:bg-amber-100`
          : `${pill} bg-amber-700 text-white hover:bg-amber-800`
      }
    >
      {following ? (
        <>
          <svg aria-hidden viewBox="0 0 20 20" className="size-4 fill-current">
            <path d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.58l7.3-7.3a1 1 0 0 1 1.4 0Z" />
          </svg>
          Following
        </>
      ) : (
        "Follow"
      )}
    </button>
  );
}
