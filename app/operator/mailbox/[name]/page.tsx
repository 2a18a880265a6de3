import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Panel } from "@/components/operator/panel";
import { AppError } from "@/lib/platform/errors/app-error";
import { formatInstant } from "@/lib/platform/text/format";
import { mailDelivery, readMailboxMessage } from "@/lib/platform/mail/mailbox";
import { requireOperatorPage } from "../../_lib/operator-session";

export const metadata: Metadata = { title: "Message" };
export const dynamic = "force-dynamic";

export default async function MailboxMessagePage({
  params,
}: {
  params: Promise<{ name: string }>;
}) {
  const { name } = await params;
  await requireOperatorPage("/operator/mailbox");
  const message = await readMailboxMessage(mailDelivery().mailboxDir, name).catch(
    (error: unknown) => {
      if (error instanceof AppError && error.code === "not_found") notFound();
      throw error;
    },
  );
  return (
    <div className="grid gap-4">
      <Link href="/operator/mailbox" className="text-sm font-medium text-amber-700 hover:underline">
        ← Mailbox
      </Link>
      <Panel title={message.subject}>
        <dl className="grid gap-1 text-sm sm:grid-cols-[6rem_1fr]">
          <dt className="text-stone-500">From</dt>
          <dd className="break-words">{message.from}</dd>
          <dt className="text-stone-500">To</dt>
          <dd className="break-words">{message.to}</dd>
          <dt className="text-stone-500">Date</dt>
          <dd>{formatInstant(message.date)}</dd>
        </dl>
        <pre className="mt-4 whitespace-pre-wrap rounded-xl bg-stone-50 p-4 font-sans text-sm text-stone-800 [overflow-wrap:anywhere]">
          {message.text}
        </pre>
      </Panel>
    </div>
  );
}
