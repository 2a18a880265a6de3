import type { Metadata } from "next";
import { OperatorNav } from "@/components/operator/operator-nav";
import { signOut } from "../admin/sign-in/actions";
import { currentUser } from "../admin/_lib/admin-session";
import { requireOperatorPage } from "./_lib/operator-session";

export const metadata: Metadata = { title: { default: "Operations", template: "%s · Operations" } };
export const dynamic = "force-dynamic";

export default async function OperatorLayout({ children }: { children: React.ReactNode }) {
  // Without a session the page itself sends to sign-in, with its own address to come back to.
  if (!(await currentUser())) return children;
  const user = await requireOperatorPage();
  return (
    <div className="min-h-screen bg-stone-50">
      <div className="border-b border-stone-200 bg-white">
        <div className="mx-auto max-w-6xl px-4 sm:px-6">
          <div className="flex flex-wrap items-center justify-between gap-3 pt-6">
            <div>
              <p className="text-xs font-semibold uppercase tracking-widest text-amber-700">
                Operator
              </p>
              <h1 className="mt-1 text-xl font-semibold tracking-tight">Operations</h1>
            </div>
            <form action={signOut} className="flex items-center gap-3 text-sm text-stone-600">
              <span className="hidden sm:inline">{user.email}</span>
              <button
                type="submit"
                className="rounded-lg px-3 py-1.5 font-medium hover:bg-stone-100"
              >
                Sign out
              </button>
            </form>
          </div>
          <div className="mt-4">
            <OperatorNav />
          </div>
        </div>
      </div>
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">{children}</div>
    </div>
  );
}
