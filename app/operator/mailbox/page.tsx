import type { Metadata } from "next";
import Link from "next/link";
import { RefreshButton } from "@/components/operator/refresh-button";
import { formatInstant } from "@/lib/platform/text/format";
import { listMailbox, mailDelivery } from "@/lib/platform/mail/mailbox";
import { requireOperatorPage } from "../_lib/operator-session";

export const metadata: Metadata = { title: "Mailbox" };
export const dynamic = "force-dynamic";

export default async function MailboxPage() {
  await requireOperatorPage("/operator/mailbox");
  const delivery = mailDelivery();
  const messages = await listMailbox(delivery.mailboxDir);
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold">Mailbox</h2>
          <p className="mt-1 max-w-2xl text-sm text-stone-600">
            {delivery.kind === "mailbox"
              ? "No SMTP server is configured, so the emails church admins would get (a sermon is ready, or failed) are kept here, newest first."
              : `Emails to church admins go to the ${delivery.description}. Below: what was kept here while none was configured.`}
          </p>
        </div>
        <RefreshButton />
      </div>
      {messages.length === 0 ? (
        <div className="rounded-2xl border border-dashed border-stone-300 bg-white p-10 text-center">
          <p className="font-medium">No messages</p>
          <p className="mt-1 text-sm text-stone-600">
            One arrives when a sermon becomes searchable or its processing fails.
          </p>
        </div>
      ) : (
        <ul
          aria-label="Messages"
          className="divide-y divide-stone-200 overflow-hidden rounded-2xl border border-stone-200 bg-white"
        >
          {messages.map((message) => (
            <li key={message.name}>
              <Link
                href={`/operator/mailbox/${encodeURIComponent(message.name)}`}
                className="flex flex-col gap-1 px-5 py-4 hover:bg-stone-50 sm:flex-row sm:items-center sm:justify-between sm:gap-4"
              >
                <div className="min-w-0">
                  <p className="truncate font-medium text-stone-900">{message.subject}</p>
                  <p className="truncate text-sm text-stone-500">To {message.to}</p>
                </div>
                <span className="shrink-0 text-xs tabular-nums text-stone-500">
                  {formatInstant(message.date)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <p className="text-xs text-stone-500">
        Folder: <code className="break-all">{delivery.mailboxDir}</code>
      </p>
    </div>
  );
}
