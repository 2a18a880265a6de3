import { PipelineStage, type SermonStatus } from "@/lib/platform/db/generated/prisma/enums";

export { PipelineStage };

/**
 * The pipeline's one vocabulary. The stages themselves are the Prisma enum `PipelineStage`
 * (prisma/schema.prisma), so the database column, the events and this table cannot drift:
 * adding a stage there makes this table fail to compile until the stage is described here.
 */
interface StageDescription {
  /** The stage's name for an admin, as in "<label>: <reason>" on a failed sermon. */
  label: string;
  /** The sermon status while the stage is waiting or running: what a retry of it resumes from. */
  runsIn: Extract<SermonStatus, "uploading" | "processing" | "streamable" | "transcribed">;
  /** The row of the admin's processing view that shows the stage. */
  row: ProcessingRow;
}

/** The rows of the processing view; the audio check is shown as the start of the transcode. */
export type ProcessingRow = Extract<PipelineStage, "transcode" | "transcribe" | "index">;

export const STAGES: Record<PipelineStage, StageDescription> = {
  upload: { label: "Upload", runsIn: "uploading", row: "transcode" },
  audio_check: { label: "Audio check", runsIn: "processing", row: "transcode" },
  transcode: { label: "Processing", runsIn: "processing", row: "transcode" },
  transcribe: { label: "Transcription", runsIn: "streamable", row: "transcribe" },
  index: { label: "Search indexing", runsIn: "transcribed", row: "index" },
};

/** Every stage, in pipeline order (the enum's order). */
export const PIPELINE_STAGES = Object.values(PipelineStage);

export const PROCESSING_ROWS: readonly ProcessingRow[] = ["transcode", "transcribe", "index"];

/** The statuses in which a stage is still to finish; the stuck-work sweep watches these. */
export type InFlightStatus = Exclude<StageDescription["runsIn"], "uploading">;
export const IN_FLIGHT_STATUSES: readonly InFlightStatus[] = [
  "processing",
  "streamable",
  "transcribed",
];

/** The stage a sermon in an in-flight status is waiting for (the audio check runs inside the transcode step). */
export const STAGE_RUNNING_IN: Record<InFlightStatus, PipelineStage> = {
  processing: "transcode",
  streamable: "transcribe",
  transcribed: "index",
};

/** Statuses that end the pipeline: nothing more will happen without an admin. */
export const isStopped = (status: SermonStatus) => status === "failed" || status === "rejected";

/** "Audio check: This file is not audio…", the line an admin reads on a stopped sermon. */
export const describeStageFailure = (stage: PipelineStage, reason: string) =>
  `${STAGES[stage].label}: ${reason}`;
