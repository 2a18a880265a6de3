"use client";

/** Ends this session (better-auth's sign-out) and goes home with a fresh page. */
export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() =>
        void fetch("/api/auth/sign-out", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: "{}",
        }).finally(() => window.location.assign("/"))
      }
      className="rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-stone-700 hover:bg-stone-100"
    >
      Sign out
    </button>
  );
}
