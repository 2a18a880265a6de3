"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { serverEnv } from "@/lib/platform/config/server-env";
import { AppError } from "@/lib/platform/errors/app-error";
import { retrySermonForOperator } from "@/lib/pipeline/operations/operator-sermon";
import { detectWorkflowEngine } from "@/lib/pipeline/operations/workflow-engine";
import { cancelWorkflowRun } from "@/lib/pipeline/operations/workflow-runs";
import { operatorAction } from "../_lib/operator-session";

/** Cancels a queued or running run of the embedded engine. */
export const cancelRun = operatorAction(
  z.object({ runId: z.string().regex(/^[\w-]{1,100}$/, "That is not a run id.") }),
  async ({ runId }) => {
    const engine = await detectWorkflowEngine(serverEnv());
    if (engine.kind !== "embedded")
      throw AppError.conflict(
        engine.kind === "inngest"
          ? "Runs are cancelled in Inngest's dashboard."
          : "The workflow engine does not answer; try again once it is up.",
      );
    await cancelWorkflowRun(engine.client, runId);
    revalidatePath("/operator/jobs");
    return { ok: true, message: "Cancelled." };
  },
);

/** Retry of a failed sermon, at the stage that failed (as its admins' Retry button). */
export const retrySermon = operatorAction(
  z.object({ sermonId: z.string().regex(/^[\w-]{1,64}$/, "That is not a sermon id.") }),
  async ({ sermonId }) => {
    await retrySermonForOperator(sermonId);
    revalidatePath("/operator/jobs");
    revalidatePath(`/operator/sermons/${sermonId}`);
    return { ok: true, message: "Retrying: its failed stage runs again." };
  },
);
