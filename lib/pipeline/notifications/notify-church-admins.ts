import type { Db } from "@/lib/platform/db/client";
import type { Mailer, MailOutcome } from "@/lib/platform/mail/mailer";
import type { PipelineStage } from "@/lib/pipeline/stages";
import type { SermonVersion } from "@/lib/catalog/sermons/sermon-version";
import { composeSermonNotification } from "./compose-sermon-notification";

/** Who is told: a church's owners and admins (editors manage sermons but are not told). */
export const NOTIFIED_ROLES = ["owner", "admin"] as const;

export type SermonOutcome =
  | ({ kind: "ready" } & SermonVersion)
  | ({ kind: "failed"; stage: PipelineStage; reason: string } & SermonVersion);

export type NotifyResult =
  | { sent: false; why: "superseded" | "no-recipients" }
  | { sent: true; recipients: number; outcome: MailOutcome };

/**
 * Emails the church's owners and admins that a sermon is ready or has failed (with the stage,
 * the reason and a link to its admin page). `notificationId` (the event id) makes the message
 * one: the mailbox keeps one file per id, and SMTP gets the same Message-ID. A version a newer
 * upload replaced is not announced.
 */
export async function notifyChurchAdmins(
  deps: { db: Db; mailer: Mailer; origin: string },
  notificationId: string,
  outcome: SermonOutcome,
): Promise<NotifyResult> {
  const sermon = await deps.db.sermon.findFirst({
    where: { id: outcome.sermonId, churchId: outcome.churchId },
    select: {
      id: true,
      title: true,
      mediaVersion: true,
      church: {
        select: {
          slug: true,
          name: true,
          memberships: {
            where: { role: { in: [...NOTIFIED_ROLES] } },
            select: { user: { select: { email: true } } },
            orderBy: { user: { email: "asc" } },
          },
        },
      },
    },
  });
  if (!sermon || sermon.mediaVersion !== outcome.mediaVersion)
    return { sent: false, why: "superseded" };
  const to = sermon.church.memberships.map((membership) => membership.user.email);
  if (to.length === 0) return { sent: false, why: "no-recipients" };
  const link = new URL(`/admin/${sermon.church.slug}/sermons/${sermon.id}`, deps.origin).href;
  const common = { sermonTitle: sermon.title, churchName: sermon.church.name, link };
  const mail = composeSermonNotification(
    outcome.kind === "ready"
      ? { kind: "ready", ...common }
      : { kind: "failed", ...common, stage: outcome.stage, reason: outcome.reason },
  );
  const sent = await deps.mailer.send({ id: notificationId, to, ...mail });
  return { sent: true, recipients: to.length, outcome: sent };
}
