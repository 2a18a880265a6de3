import { inngest } from "@/inngest/client";
import { sermonFailed, sermonIndexed } from "@/lib/pipeline/events/pipeline-events";
import { notifyChurchAdmins } from "@/lib/pipeline/notifications/notify-church-admins";
import { getDb } from "@/lib/platform/db/client";
import { configuredPublicOrigin } from "@/lib/platform/http/public-origin";
import { configuredMailer } from "@/lib/platform/mail/configured-mailer";

/**
 * `sermon/indexed` (ready) or `sermon/failed` → an email to the church's owners and admins.
 *
 * One step, keyed by the event id: a redelivered event is dropped by its id, a replayed run
 * finds the step's result memoised, and the mailbox keeps one file per event id.
 */
export const notifyChurchAdminsFunction = inngest.createFunction(
  {
    id: "notify-church-admins",
    name: "Email a church's admins that a sermon is ready or failed",
    triggers: [sermonIndexed, sermonFailed],
    concurrency: [{ limit: 4 }],
    retries: 5,
  },
  async ({ event, step }) => {
    const outcome =
      event.name === sermonFailed.name
        ? { kind: "failed" as const, ...sermonFailed.schema.parse(event.data) }
        : { kind: "ready" as const, ...sermonIndexed.schema.parse(event.data) };
    // Events always carry their stable id (pipeline-events.ts); the fallback is its base form.
    const notificationId =
      event.id ??
      (outcome.kind === "failed"
        ? sermonFailed.baseIdOf(outcome)
        : sermonIndexed.baseIdOf(outcome));
    return step.run("Email the church's owners and admins", () =>
      notifyChurchAdmins(
        { db: getDb(), mailer: configuredMailer(), origin: configuredPublicOrigin() },
        notificationId,
        outcome,
      ),
    );
  },
);
