import { describe, expect, it } from "vitest";
import { describeTranscriptionFailure } from "./describe-transcription-failure";

describe("describeTranscriptionFailure", () => {
  it("passes a rejection's own words to the admin, and explains an exhausted outage", () => {
    const rejected = describeTranscriptionFailure(
      new Error("Deepgram refused the request (401): check the API key. Invalid credentials."),
    );
    expect(rejected).toEqual({
      stage: "transcribe",
      reason:
        "Deepgram refused the request (401): check the API key. Invalid credentials. The sermon still plays; fix this and retry transcription, or upload captions.",
    });
    const outage = describeTranscriptionFailure(new Error("OpenAI answered 503: overloaded"));
    expect(outage.reason).toMatch(
      /^The sermon plays, but we could not transcribe it even after several attempts\..*\(Technical detail: OpenAI answered 503: overloaded\)$/,
    );
  });
});
