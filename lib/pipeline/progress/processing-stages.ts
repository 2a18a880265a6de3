import type { SermonStatus } from "@/lib/platform/db/generated/prisma/enums";
import { FAILED_STAGE } from "@/lib/pipeline/failed-stage";

export type StageKey = "media" | "transcription" | "indexing";
export type StageState = "waiting" | "running" | "done" | "failed";

export interface ProcessingStage {
  key: StageKey;
  label: string;
  state: StageState;
  /** Whole percent while the transcode runs. */
  percent?: number;
  /** One line under the label: what is happening or what it means. */
  detail?: string;
}

export interface SermonProgress {
  status: SermonStatus;
  failedStage: string | null;
  transcodePercent: number | null;
  transcriptionProvider: string | null;
}

const ORDER: readonly StageKey[] = ["media", "transcription", "indexing"];
const LABELS: Record<StageKey, string> = {
  media: "Making it streamable",
  transcription: "Transcribing",
  indexing: "Indexing for search",
};

/**
 * Which stage a recorded failure belongs to (names from FAILED_STAGE). Matched loosely, so
 * sermons failed before the names were unified ("transcription", "Indexing") still map;
 * anything unknown counts as the media stage, the first that can fail.
 */
export function failedStageKey(failedStage: string | null): StageKey {
  const name = (failedStage ?? "").toLowerCase();
  if (name.includes("transcri")) return "transcription";
  if (name.includes("index")) return "indexing";
  return "media";
}

/** An "Audio check" failure means the file itself is unusable: only another upload helps. */
export const isFileRejected = (failedStage: string | null) => failedStage === FAILED_STAGE.audioCheck;

/**
 * The pipeline as the admin sees it, from the sermon's status and transcode figure. The
 * sermon turns streamable while the transcode still runs (listeners play the part already
 * published), so the media stage is done only at 100 %.
 */
export function processingStages(sermon: SermonProgress): ProcessingStage[] {
  const current = currentStage(sermon);
  return ORDER.map((key) => {
    const stage: ProcessingStage = { key, label: LABELS[key], state: stateOf(key, current) };
    if (key === "media" && stage.state === "running") {
      stage.percent = sermon.transcodePercent ?? 0;
      stage.detail =
        sermon.status === "streamable" ? "Listeners can already play what is ready." : sermon.transcodePercent === null ? "Checking the audio…" : "Transcoding…";
    }
    if (key === "media" && stage.state === "done") stage.detail = "Listeners can play it.";
    if (key === "transcription" && stage.state === "running" && sermon.transcriptionProvider === "provided")
      stage.detail = "Waiting for a caption file to be uploaded.";
    return stage;
  });
}

/** Whether anything is still moving, so a page should keep polling. */
export const isPipelineActive = (sermon: SermonProgress) => currentStage(sermon).state === "running";

type Current = { key: StageKey; state: "running" | "failed" } | { key: "all-done" | "not-started"; state: "done" | "waiting" };

function currentStage(sermon: SermonProgress): Current {
  switch (sermon.status) {
    case "draft":
    case "uploading":
      return { key: "not-started", state: "waiting" };
    case "processing":
      return { key: "media", state: "running" };
    case "streamable":
      return (sermon.transcodePercent ?? 100) < 100 ? { key: "media", state: "running" } : { key: "transcription", state: "running" };
    case "transcribed":
      return { key: "indexing", state: "running" };
    case "searchable":
      return { key: "all-done", state: "done" };
    case "failed":
      return { key: failedStageKey(sermon.failedStage), state: "failed" };
  }
}

function stateOf(key: StageKey, current: Current): StageState {
  if (current.key === "all-done") return "done";
  if (current.key === "not-started") return "waiting";
  const position = ORDER.indexOf(key);
  const currentPosition = ORDER.indexOf(current.key);
  if (position < currentPosition) return "done";
  if (position > currentPosition) return "waiting";
  return current.state;
}
