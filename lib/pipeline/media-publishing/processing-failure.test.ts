import { describe, expect, it } from "vitest";
import { MediaRejectedError } from "@/lib/pipeline/media/media-rejected-error";
import { describeProcessingFailure } from "./processing-failure";

describe("describeProcessingFailure", () => {
  it("passes a rejected upload's own explanation through, even when wrapped", () => {
    const rejection = new MediaRejectedError("This file has no sound track.", "no-audio");
    const wrapped = new Error(rejection.message, { cause: rejection });
    wrapped.name = "NonRetriableError";
    expect(describeProcessingFailure(wrapped)).toEqual({
      stage: "audio_check",
      reason: "This file has no sound track.",
    });
  });

  it("explains exhausted retries in plain words and keeps the technical detail short", () => {
    const failure = describeProcessingFailure(
      new Error(`ffmpeg exited with code 1: ${"x".repeat(5000)}`),
    );
    expect(failure.stage).toBe("transcode");
    expect(failure.reason).toMatch(/^We could not prepare this recording for streaming/);
    expect(failure.reason).toContain("ffmpeg exited with code 1");
    expect(failure.reason.length).toBeLessThan(700);
  });
});
