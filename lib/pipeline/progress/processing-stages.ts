import type { PipelineStage, SermonStatus } from "@/lib/platform/db/generated/prisma/enums";
import {
  PROCESSING_ROWS,
  type ProcessingRow,
  STAGE_RUNNING_IN,
  STAGES,
} from "@/lib/pipeline/stages";

export type StageState = "waiting" | "running" | "done" | "failed";

export interface ProcessingStage {
  key: ProcessingRow;
  label: string;
  state: StageState;
  /** Whole percent while the transcode runs. */
  percent?: number;
  /** One line under the label: what is happening or what it means. */
  detail?: string;
}

export interface SermonProgress {
  status: SermonStatus;
  failedStage: PipelineStage | null;
  transcodePercent: number | null;
  transcriptionProvider: string | null;
}

const ROW_LABELS: Record<ProcessingRow, string> = {
  transcode: "Making it streamable",
  transcribe: "Transcribing",
  index: "Indexing for search",
};

/**
 * The pipeline as the admin sees it, from the sermon's status and transcode figure. The
 * sermon turns streamable while the transcode still runs (listeners play the part already
 * published), so the transcode row is done only at 100 %.
 */
export function processingStages(sermon: SermonProgress): ProcessingStage[] {
  const current = currentRow(sermon);
  return PROCESSING_ROWS.map((key) => {
    const stage: ProcessingStage = { key, label: ROW_LABELS[key], state: stateOf(key, current) };
    if (key === "transcode" && stage.state === "running") {
      stage.percent = sermon.transcodePercent ?? 0;
      stage.detail =
        sermon.status === "streamable"
          ? "Listeners can already play what is ready."
          : sermon.transcodePercent === null
            ? "Checking the audio…"
            : "Transcoding…";
    }
    if (key === "transcode" && stage.state === "done") stage.detail = "Listeners can play it.";
    if (
      key === "transcribe" &&
      stage.state === "running" &&
      sermon.transcriptionProvider === "provided"
    )
      stage.detail = "Waiting for a caption file to be uploaded.";
    return stage;
  });
}

/** Whether anything is still moving, so a page should keep polling. */
export const isPipelineActive = (sermon: SermonProgress) => currentRow(sermon).state === "running";

type Current =
  | { row: ProcessingRow; state: "running" | "failed" }
  | { row: "all-done" | "not-started"; state: "done" | "waiting" };

function currentRow(sermon: SermonProgress): Current {
  switch (sermon.status) {
    case "draft":
    case "uploading":
      return { row: "not-started", state: "waiting" };
    case "processing":
    case "transcribed":
      return { row: STAGES[STAGE_RUNNING_IN[sermon.status]].row, state: "running" };
    case "streamable":
      return {
        row: (sermon.transcodePercent ?? 100) < 100 ? "transcode" : "transcribe",
        state: "running",
      };
    case "searchable":
      return { row: "all-done", state: "done" };
    case "failed":
    case "rejected":
      return { row: STAGES[sermon.failedStage ?? "transcode"].row, state: "failed" };
  }
}

function stateOf(row: ProcessingRow, current: Current): StageState {
  if (current.row === "all-done") return "done";
  if (current.row === "not-started") return "waiting";
  const position = PROCESSING_ROWS.indexOf(row);
  const currentPosition = PROCESSING_ROWS.indexOf(current.row);
  if (position < currentPosition) return "done";
  if (position > currentPosition) return "waiting";
  return current.state;
}
