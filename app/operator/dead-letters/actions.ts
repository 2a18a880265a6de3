"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { deleteDeadLetter, redriveDeadLetters } from "@/lib/platform/queue/dead-letter-queue";
import { AppError } from "@/lib/platform/errors/app-error";
import { operatorAction } from "../_lib/operator-session";
import { withOperatorQueues } from "../_lib/operator-queues";

const messageSchema = z.object({ messageId: z.string().trim().min(1).max(200) });

/** Sends one dead letter back to the main queue, once. */
export const redriveDeadLetter = operatorAction(messageSchema, async ({ messageId }) => {
  const { redriven } = await withOperatorQueues((sqs, queues) =>
    redriveDeadLetters(sqs, queues, { messageIds: [messageId] }),
  );
  if (redriven.length === 0)
    throw AppError.notFound(
      "That message is no longer in the dead-letter queue; refresh the page.",
    );
  revalidatePath("/operator/dead-letters");
  return { ok: true, message: "Sent back to the main queue." };
});

/** Sends every dead letter back to the main queue, once each. */
export const redriveAllDeadLetters = operatorAction(z.object({}), async () => {
  const { redriven } = await withOperatorQueues((sqs, queues) =>
    redriveDeadLetters(sqs, queues, { all: true }),
  );
  revalidatePath("/operator/dead-letters");
  return { ok: true, message: `Sent ${redriven.length} message(s) back to the main queue.` };
});

/** Deletes one dead letter for good. */
export const deleteDeadLetterMessage = operatorAction(messageSchema, async ({ messageId }) => {
  await withOperatorQueues((sqs, queues) => deleteDeadLetter(sqs, queues, messageId));
  revalidatePath("/operator/dead-letters");
  return { ok: true, message: "Deleted." };
});
