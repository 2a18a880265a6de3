import { describe, expect, it } from "vitest";
import { isPipelineActive, processingStages, type SermonProgress } from "./processing-stages";

const sermon = (overrides: Partial<SermonProgress>): SermonProgress => ({
  status: "processing",
  failedStage: null,
  transcodePercent: null,
  transcriptionProvider: null,
  ...overrides,
});
const states = (progress: SermonProgress) => processingStages(progress).map((stage) => `${stage.key}:${stage.state}`);

describe("processingStages", () => {
  it("shows the audio check before the transcode reports, then its percentage", () => {
    expect(processingStages(sermon({}))[0]).toMatchObject({ state: "running", percent: 0, detail: "Checking the audio…" });
    expect(processingStages(sermon({ transcodePercent: 42 }))[0]).toMatchObject({ state: "running", percent: 42, detail: "Transcoding…" });
    expect(states(sermon({ transcodePercent: 42 }))).toEqual(["media:running", "transcription:waiting", "indexing:waiting"]);
  });

  it("keeps the transcode running while a streamable sermon is still being encoded", () => {
    const streaming = sermon({ status: "streamable", transcodePercent: 30 });
    expect(processingStages(streaming)[0]).toMatchObject({ percent: 30, detail: "Listeners can already play what is ready." });
    expect(states(sermon({ status: "streamable", transcodePercent: 100 }))).toEqual(["media:done", "transcription:running", "indexing:waiting"]);
    expect(processingStages(sermon({ status: "streamable", transcodePercent: 100 }))[0]).toMatchObject({ detail: "Listeners can play it." });
    // Sermons processed before the figure existed have none: their transcode is over.
    expect(states(sermon({ status: "streamable" }))).toEqual(["media:done", "transcription:running", "indexing:waiting"]);
  });

  it("walks through transcription and indexing to done", () => {
    expect(states(sermon({ status: "transcribed", transcodePercent: 100 }))).toEqual(["media:done", "transcription:done", "indexing:running"]);
    expect(states(sermon({ status: "searchable", transcodePercent: 100 }))).toEqual(["media:done", "transcription:done", "indexing:done"]);
    expect(states(sermon({ status: "draft" }))).toEqual(["media:waiting", "transcription:waiting", "indexing:waiting"]);
  });

  it("marks the stage that failed, by the names the functions and the sweep record", () => {
    expect(states(sermon({ status: "failed", failedStage: "Audio check" }))).toEqual(["media:failed", "transcription:waiting", "indexing:waiting"]);
    expect(states(sermon({ status: "failed", failedStage: "Processing" }))[0]).toBe("media:failed");
    expect(states(sermon({ status: "failed", failedStage: "Transcription" }))).toEqual(["media:done", "transcription:failed", "indexing:waiting"]);
    // Recorded before the names were unified.
    expect(states(sermon({ status: "failed", failedStage: "transcription" }))[1]).toBe("transcription:failed");
    expect(states(sermon({ status: "failed", failedStage: "Search indexing" }))).toEqual(["media:done", "transcription:done", "indexing:failed"]);
    expect(states(sermon({ status: "failed", failedStage: "Indexing" }))[2]).toBe("indexing:failed"); // before unification
  });

  it("says when a caption file is awaited, and which states are worth polling", () => {
    const awaiting = sermon({ status: "streamable", transcodePercent: 100, transcriptionProvider: "provided" });
    expect(processingStages(awaiting)[1]?.detail).toBe("Waiting for a caption file to be uploaded.");
    expect(isPipelineActive(sermon({}))).toBe(true);
    expect(isPipelineActive(sermon({ status: "transcribed" }))).toBe(true);
    expect(isPipelineActive(sermon({ status: "searchable" }))).toBe(false);
    expect(isPipelineActive(sermon({ status: "failed", failedStage: "Processing" }))).toBe(false);
    expect(isPipelineActive(sermon({ status: "draft" }))).toBe(false);
  });
});
