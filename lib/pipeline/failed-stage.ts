/**
 * The stage a failed sermon records in `Sermon.failedStage`, shown to admins as
 * "<stage>: <reason>" and read back by the processing view and Retry. One list, so every
 * writer (the functions, the stuck-work sweep) names a stage the same way.
 */
export const FAILED_STAGE = {
  /** The file itself is unusable: only another upload helps. */
  audioCheck: "Audio check",
  processing: "Processing",
  transcription: "Transcription",
  indexing: "Search indexing",
} as const;
