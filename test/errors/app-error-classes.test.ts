import { NonRetriableError, RetryAfterError } from "inngest";
import { describe, expect, it } from "vitest";
import { InvalidEnvError } from "@/lib/platform/config/parse-env";
import { ChurchNotFoundError, RoleRequiredError } from "@/lib/platform/auth/church-access";
import { WeakPasswordError } from "@/lib/platform/auth/create-admin";
import { MigrationError } from "@/lib/platform/db/migrate";
import { DatabaseLockedError } from "@/lib/platform/embedded/database-lock";
import { AppError } from "@/lib/platform/errors/app-error";
import { toInngestError } from "@/lib/platform/errors/to-inngest-error";
import { DeadLetterNotFoundError } from "@/lib/platform/queue/dead-letter-queue";
import { FormError } from "@/lib/platform/validation/form-result";
import { UnrecognisedScriptureError } from "@/lib/search/scripture-filter";
import { EmbeddingDimensionsError } from "@/lib/search/embeddings/embedder";
import { FfmpegFailedError } from "@/lib/pipeline/media/ffmpeg-failed-error";
import { MediaRejectedError } from "@/lib/pipeline/media/media-rejected-error";
import { MissingTranscriptError } from "@/lib/pipeline/indexing/index-sermon";
import { RetryRefusedError } from "@/lib/pipeline/recovery/retry-failed-sermon";
import { CaptionsRejectedError } from "@/lib/pipeline/transcription/captions/captions-rejected-error";
import { SegmentNotFoundError } from "@/lib/pipeline/transcription/correct-segment";
import { NoAudioForCaptionsError } from "@/lib/pipeline/transcription/store-provided-transcript";
import {
  TranscriptionRejectedError,
  TranscriptionUnavailableError,
} from "@/lib/pipeline/transcription/transcription-errors";
import { UploadNotFoundError, UploadRejectedError } from "@/lib/pipeline/upload/upload-errors";
import { QueuesUnreachableError } from "@/scripts/cli/with-queues";

// Each failure a person can meet has one code; the codes route handlers answered with before
// AppError existed (church_not_found, upload_rejected, …) are kept, since clients read them.
const cases: [AppError, { code: string; status: number; retriable: boolean }][] = [
  [new ChurchNotFoundError(), { code: "church_not_found", status: 404, retriable: false }],
  [new RoleRequiredError("admin"), { code: "role_required", status: 403, retriable: false }],
  [new WeakPasswordError(), { code: "invalid_request", status: 422, retriable: false }],
  [
    new FormError({ title: ["Required."] }),
    { code: "invalid_request", status: 422, retriable: false },
  ],
  [
    new InvalidEnvError(["DEEPGRAM_API_KEY: is required"]),
    { code: "misconfigured", status: 500, retriable: false },
  ],
  [
    new MigrationError("20260101_init", new Error("syntax error")),
    { code: "internal", status: 500, retriable: false },
  ],
  [
    new DatabaseLockedError(".data/pglite", { pid: 1, port: 5433 }),
    { code: "conflict", status: 409, retriable: false },
  ],
  [new DeadLetterNotFoundError("m-1"), { code: "not_found", status: 404, retriable: false }],
  [
    new UnrecognisedScriptureError("Hezekiah 4"),
    { code: "invalid_request", status: 422, retriable: false },
  ],
  [
    new EmbeddingDimensionsError("m", 384, 768),
    { code: "misconfigured", status: 500, retriable: false },
  ],
  [
    new MediaRejectedError("This file has no audio track.", "no-audio"),
    { code: "media_rejected", status: 422, retriable: false },
  ],
  [new MissingTranscriptError("s-1"), { code: "conflict", status: 409, retriable: false }],
  [
    new RetryRefusedError("Only a sermon whose processing failed can be retried."),
    { code: "retry_refused", status: 409, retriable: false },
  ],
  [
    new RetryRefusedError("No such sermon in this church.", 404),
    { code: "retry_refused", status: 404, retriable: false },
  ],
  [
    new CaptionsRejectedError(6, "the cue ends before it starts"),
    { code: "invalid_captions", status: 422, retriable: false },
  ],
  [new SegmentNotFoundError(), { code: "segment_not_found", status: 404, retriable: false }],
  [new NoAudioForCaptionsError(), { code: "no_audio_for_captions", status: 409, retriable: false }],
  [
    new TranscriptionRejectedError("Deepgram refused the request (401): check the API key."),
    { code: "transcription_rejected", status: 422, retriable: false },
  ],
  [
    new TranscriptionUnavailableError("Deepgram is unavailable (503).", 2000),
    { code: "unavailable", status: 503, retriable: true },
  ],
  [
    new UploadRejectedError("The file is 3 GB; the limit is 2 GB."),
    { code: "upload_rejected", status: 422, retriable: false },
  ],
  [new UploadNotFoundError(), { code: "upload_not_found", status: 404, retriable: false }],
  [
    new QueuesUnreachableError("http://127.0.0.1:4566", new Error("ECONNREFUSED")),
    { code: "unavailable", status: 503, retriable: true },
  ],
];

describe("the application's error classes", () => {
  it.each(cases.map(([error, expected]) => [error.name, error, expected] as const))(
    "%s is an AppError with one code",
    (_name, error, expected) => {
      expect(error).toBeInstanceOf(AppError);
      expect({ code: error.code, status: error.status, retriable: error.retriable }).toEqual(
        expected,
      );
      const forInngest = toInngestError(error);
      if (!expected.retriable) expect(forInngest).toBeInstanceOf(NonRetriableError);
      else expect(forInngest === error || forInngest instanceof RetryAfterError).toBe(true);
    },
  );

  it("keeps the names the pipeline recognises after Inngest's serialisation", () => {
    expect(new MediaRejectedError("Silent.", "silent").name).toBe("MediaRejectedError");
    expect(new CaptionsRejectedError(2, "x")).toMatchObject({ line: 2, details: { line: 2 } });
  });

  it("keeps ffmpeg's log out of the message (it reaches an admin), in the cause for logs", () => {
    const failed = new FfmpegFailedError(
      "ffprobe exited with code 1",
      1,
      "moov atom not found\n/tmp/x.m4a: Invalid data",
    );
    expect(failed.message).toBe("ffprobe exited with code 1");
    expect(failed.stderrTail).toContain("moov atom not found");
    expect(String((failed.cause as Error).message)).toContain("moov atom not found");
    expect(toInngestError(failed)).toBe(failed);
  });
});
