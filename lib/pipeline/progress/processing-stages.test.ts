import { describe, expect, it } from "vitest";
import { isPipelineActive, processingStages, type SermonProgress } from "./processing-stages";

const sermon = (overrides: Partial<SermonProgress>): SermonProgress => ({
  status: "processing",
  failedStage: null,
  transcodePercent: null,
  transcriptionProvider: null,
  ...overrides,
});
const states = (progress: SermonProgress) =>
  processingStages(progress).map((stage) => `${stage.key}:${stage.state}`);

describe("processingStages", () => {
  it("shows the audio check before the transcode reports, then its percentage", () => {
    expect(processingStages(sermon({}))[0]).toMatchObject({
      state: "running",
      percent: 0,
      detail: "Checking the audio…",
    });
    expect(processingStages(sermon({ transcodePercent: 42 }))[0]).toMatchObject({
      state: "running",
      percent: 42,
      detail: "Transcoding…",
    });
    expect(states(sermon({ transcodePercent: 42 }))).toEqual([
      "transcode:running",
      "transcribe:waiting",
      "index:waiting",
    ]);
  });

  it("keeps the transcode running while a streamable sermon is still being encoded", () => {
    const streaming = sermon({ status: "streamable", transcodePercent: 30 });
    expect(processingStages(streaming)[0]).toMatchObject({
      percent: 30,
      detail: "Listeners can already play what is ready.",
    });
    expect(states(sermon({ status: "streamable", transcodePercent: 100 }))).toEqual([
      "transcode:done",
      "transcribe:running",
      "index:waiting",
    ]);
    expect(
      processingStages(sermon({ status: "streamable", transcodePercent: 100 }))[0],
    ).toMatchObject({ detail: "Listeners can play it." });
    // Sermons processed before the figure existed have none: their transcode is over.
    expect(states(sermon({ status: "streamable" }))).toEqual([
      "transcode:done",
      "transcribe:running",
      "index:waiting",
    ]);
  });

  it("walks through transcription and indexing to done", () => {
    expect(states(sermon({ status: "transcribed", transcodePercent: 100 }))).toEqual([
      "transcode:done",
      "transcribe:done",
      "index:running",
    ]);
    expect(states(sermon({ status: "searchable", transcodePercent: 100 }))).toEqual([
      "transcode:done",
      "transcribe:done",
      "index:done",
    ]);
    expect(states(sermon({ status: "draft" }))).toEqual([
      "transcode:waiting",
      "transcribe:waiting",
      "index:waiting",
    ]);
  });

  it("marks the stage that failed, and shows the audio check as the start of the transcode", () => {
    expect(states(sermon({ status: "rejected", failedStage: "audio_check" }))).toEqual([
      "transcode:failed",
      "transcribe:waiting",
      "index:waiting",
    ]);
    expect(states(sermon({ status: "failed", failedStage: "transcode" }))[0]).toBe(
      "transcode:failed",
    );
    expect(states(sermon({ status: "failed", failedStage: "transcribe" }))).toEqual([
      "transcode:done",
      "transcribe:failed",
      "index:waiting",
    ]);
    expect(states(sermon({ status: "failed", failedStage: "index" }))).toEqual([
      "transcode:done",
      "transcribe:done",
      "index:failed",
    ]);
  });

  it("says when a caption file is awaited, and which states are worth polling", () => {
    const awaiting = sermon({
      status: "streamable",
      transcodePercent: 100,
      transcriptionProvider: "provided",
    });
    expect(processingStages(awaiting)[1]?.detail).toBe(
      "Waiting for a caption file to be uploaded.",
    );
    expect(isPipelineActive(sermon({}))).toBe(true);
    expect(isPipelineActive(sermon({ status: "transcribed" }))).toBe(true);
    expect(isPipelineActive(sermon({ status: "searchable" }))).toBe(false);
    expect(isPipelineActive(sermon({ status: "failed", failedStage: "transcode" }))).toBe(false);
    expect(isPipelineActive(sermon({ status: "rejected", failedStage: "audio_check" }))).toBe(
      false,
    );
    expect(isPipelineActive(sermon({ status: "draft" }))).toBe(false);
  });
});
