import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AccountBookmarks } from "@/components/account/account-bookmarks";
import { AccountFollows } from "@/components/account/account-follows";
import { AccountHistory } from "@/components/account/account-history";
import { DeleteAccountForm } from "@/components/account/delete-account-form";
import { SignOutButton } from "@/components/account/sign-out-button";
import { listBookmarkedSermons } from "@/lib/catalog/bookmarks/list-bookmarked-sermons";
import { listFollows } from "@/lib/catalog/follows/list-follows";
import { listProgress } from "@/lib/catalog/listening/list-progress";
import { currentListener } from "@/lib/platform/auth/require-listener";

export const metadata: Metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const listener = await currentListener(await headers());
  if (!listener) redirect("/account/sign-in?next=/account");
  const [history, follows, bookmarked] = await Promise.all([
    listProgress(listener.id),
    listFollows(listener.id),
    listBookmarkedSermons(listener.id),
  ]);
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6 sm:py-14">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <p className="text-sm font-semibold uppercase tracking-widest text-amber-700">
            Your account
          </p>
          <h1 className="mt-2 truncate font-serif text-3xl font-semibold tracking-tight">
            {listener.name}
          </h1>
          <p className="mt-1 truncate text-sm text-stone-600">{listener.email}</p>
        </div>
        <SignOutButton />
      </div>

      <section aria-labelledby="history-heading" className="mt-10">
        <h2 id="history-heading" className="text-xl font-semibold tracking-tight">
          History
        </h2>
        <AccountHistory
          items={history.map((entry) => ({
            sermonId: entry.sermonId,
            positionMs: entry.positionMs,
            completed: entry.completed,
            path: entry.path,
            title: entry.sermon.title,
            churchName: entry.sermon.church.name,
            durationMs: entry.sermon.durationMs,
          }))}
        />
      </section>

      <section aria-labelledby="bookmarks-heading" className="mt-10">
        <h2 id="bookmarks-heading" className="text-xl font-semibold tracking-tight">
          Bookmarks
        </h2>
        <AccountBookmarks items={bookmarked} />
      </section>

      <section aria-labelledby="following-heading" className="mt-10">
        <h2 id="following-heading" className="text-xl font-semibold tracking-tight">
          Following
        </h2>
        <AccountFollows items={follows} />
      </section>

      <section
        aria-labelledby="delete-heading"
        className="mt-12 rounded-2xl border border-red-200 bg-white p-5 sm:p-6"
      >
        <h2 id="delete-heading" className="text-lg font-semibold tracking-tight text-red-800">
          Delete your account
        </h2>
        <p className="mt-1 text-sm text-stone-600">
          Your account, your history, your bookmarks and what you follow are deleted for good, on
          every device.
        </p>
        <DeleteAccountForm />
      </section>
    </div>
  );
}
