import { NonRetriableError, RetryAfterError } from "inngest";
import { afterEach, describe, expect, it } from "vitest";
import { startStubProvider, type StubAnswer } from "@/test/transcription/stub-provider-server";
import { toInngestError } from "@/lib/platform/errors/to-inngest-error";
import {
  TranscriptionRejectedError,
  TranscriptionUnavailableError,
} from "@/lib/pipeline/transcription/transcription-errors";
import { transcribeWithDeepgram } from "./transcribe-with-deepgram";

// The shape of Deepgram's documented pre-recorded response with smart_format, punctuate,
// paragraphs, utterances and diarize on (developers.deepgram.com/docs/paragraphs,
// /docs/utterances, /reference/speech-to-text-api/listen): trimmed to two speakers.
const MODEL_UUID = "1dbdfb4d-85b2-4659-9831-16b3c76229aa";
const word = (w: string, punctuated: string, start: number, end: number, speaker: number) => ({
  word: w,
  start,
  end,
  confidence: 0.98,
  punctuated_word: punctuated,
  speaker,
  speaker_confidence: 0.9,
});
const words = [
  word("turn", "Turn", 0.48, 0.72, 0),
  word("to", "to", 0.72, 0.84, 0),
  word("john", "John", 0.84, 1.2, 0),
  word("3:16", "3:16.", 1.2, 2.0, 0),
  word("amen", "Amen.", 3.1, 3.6, 1),
];
const deepgramResponse = {
  metadata: {
    transaction_key: "deprecated",
    request_id: "a847f427-4ad5-4d67-9b95-db801e58251c",
    sha256: "154e291ecfa8be6ab8343560bcc109008fa7853eb5372533e8efdefc9b504c33",
    created: "2024-05-12T18:57:13.426Z",
    duration: 3.7,
    channels: 1,
    models: [MODEL_UUID],
    model_info: {
      [MODEL_UUID]: { name: "general-nova-3", version: "2024-12-20.0", arch: "nova-3" },
    },
  },
  results: {
    channels: [
      {
        alternatives: [
          {
            transcript: "Turn to John 3:16. Amen.",
            confidence: 0.9921875,
            words,
            paragraphs: {
              transcript: "\nSpeaker 0: Turn to John 3:16.\n\nSpeaker 1: Amen.",
              paragraphs: [
                {
                  sentences: [{ text: "Turn to John 3:16.", start: 0.48, end: 2.0 }],
                  speaker: 0,
                  num_words: 4,
                  start: 0.48,
                  end: 2.0,
                },
                {
                  sentences: [{ text: "Amen.", start: 3.1, end: 3.6 }],
                  speaker: 1,
                  num_words: 1,
                  start: 3.1,
                  end: 3.6,
                },
              ],
            },
          },
        ],
      },
    ],
    utterances: [
      {
        start: 0.48,
        end: 2.0,
        confidence: 0.98,
        channel: 0,
        transcript: "Turn to John 3:16.",
        words: words.slice(0, 4),
        speaker: 0,
        id: "u1",
      },
      {
        start: 3.1,
        end: 3.6,
        confidence: 0.97,
        channel: 0,
        transcript: "Amen.",
        words: words.slice(4),
        speaker: 1,
        id: "u2",
      },
    ],
  },
};
// Deepgram's documented error body.
const deepgramError = (
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): StubAnswer => ({
  status,
  body: { err_code: code, err_msg: message, request_id: "0b1ba6f3-6c0a-4b77-a0c4-0a9a1d2a7f5e" },
  ...(headers ? { headers } : {}),
});

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

async function transcribeAgainst(answers: StubAnswer[]) {
  const stub = await startStubProvider(answers);
  stop = stub.stop;
  const run = transcribeWithDeepgram("https://bucket.example/audio.m4a?X-Amz-Signature=abc", {
    apiKey: "dg-test-key",
    baseUrl: stub.url,
    model: "nova-3",
    language: "en",
    timeoutSeconds: 5,
  });
  return { stub, run };
}

describe("Deepgram (the real SDK against a local server)", () => {
  it("sends the presigned URL with the documented options and maps paragraphs, speakers and words", async () => {
    const { stub, run } = await transcribeAgainst([{ status: 200, body: deepgramResponse }]);
    const transcript = await run;

    const [request] = stub.requests;
    expect(request?.method).toBe("POST");
    const url = new URL(request!.url, stub.url);
    expect(url.pathname).toBe("/v1/listen");
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      model: "nova-3",
      language: "en",
      smart_format: "true",
      punctuate: "true",
      paragraphs: "true",
      utterances: "true",
      diarize: "true",
    });
    expect(request!.headers.authorization).toBe("Token dg-test-key");
    expect(JSON.parse(request!.body.toString())).toEqual({
      url: "https://bucket.example/audio.m4a?X-Amz-Signature=abc",
    });

    expect(transcript).toMatchObject({
      provider: "deepgram",
      model: "general-nova-3",
      language: "en",
      confidence: 0.9921875,
    });
    expect(transcript.segments).toEqual([
      { startMs: 480, endMs: 2000, text: "Turn to John 3:16.", speaker: "Speaker 1" },
      { startMs: 3100, endMs: 3600, text: "Amen.", speaker: "Speaker 2" },
    ]);
    expect(transcript.words.map((w) => [w.text, w.startMs, w.endMs, w.speaker])).toEqual([
      ["Turn", 480, 720, "Speaker 1"],
      ["to", 720, 840, "Speaker 1"],
      ["John", 840, 1200, "Speaker 1"],
      ["3:16.", 1200, 2000, "Speaker 1"],
      ["Amen.", 3100, 3600, "Speaker 2"],
    ]);
  });

  it("falls back to utterances when the response has no paragraphs", async () => {
    const alternative = {
      ...deepgramResponse.results.channels[0]!.alternatives[0]!,
      paragraphs: undefined,
    };
    const body = {
      ...deepgramResponse,
      results: { ...deepgramResponse.results, channels: [{ alternatives: [alternative] }] },
    };
    const { run } = await transcribeAgainst([{ status: 200, body }]);
    expect((await run).segments.map((s) => [s.startMs, s.text, s.speaker])).toEqual([
      [480, "Turn to John 3:16.", "Speaker 1"],
      [3100, "Amen.", "Speaker 2"],
    ]);
  });

  it("treats 401 as final: a rejection the function turns into NonRetriableError", async () => {
    const { run } = await transcribeAgainst([
      deepgramError(401, "INVALID_AUTH", "Invalid credentials."),
    ]);
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TranscriptionRejectedError);
    expect((error as Error).message).toBe(
      "Deepgram refused the request (401): check the API key. Invalid credentials. (INVALID_AUTH)",
    );
    expect(toInngestError(error)).toBeInstanceOf(NonRetriableError);
  });

  it("treats unsupported audio (400) as final", async () => {
    const { run } = await transcribeAgainst([
      deepgramError(
        400,
        "Bad Request",
        "Bad Request: failed to process audio: corrupt or unsupported data",
      ),
    ]);
    expect(toInngestError(await run.catch((e: unknown) => e))).toBeInstanceOf(NonRetriableError);
  });

  it("retries 429 after the Retry-After the provider gave", async () => {
    const { stub, run } = await transcribeAgainst([
      deepgramError(429, "TOO_MANY_REQUESTS", "Too many requests.", { "retry-after": "7" }),
    ]);
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TranscriptionUnavailableError);
    expect((error as TranscriptionUnavailableError).retryAfterMs).toBe(7000);
    const forInngest = toInngestError(error);
    expect(forInngest).toBeInstanceOf(RetryAfterError);
    expect((forInngest as RetryAfterError).retryAfter).toBe("7"); // seconds, as Inngest sends it on
    // The SDK itself does not retry: Inngest's retries are the only ones.
    expect(stub.requests).toHaveLength(1);
  });

  it("retries 503 with the function's own backoff", async () => {
    const { stub, run } = await transcribeAgainst([
      { status: 503, body: { err_code: "SERVICE_UNAVAILABLE", err_msg: "Service Unavailable" } },
    ]);
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TranscriptionUnavailableError);
    expect(toInngestError(error)).toBe(error);
    expect(stub.requests).toHaveLength(1);
  });

  it("treats a refused connection as an outage, not a rejection", async () => {
    const stub = await startStubProvider([{ status: 200, body: {} }]);
    await stub.stop();
    const error = await transcribeWithDeepgram("https://x.example/a.m4a", {
      apiKey: "k",
      baseUrl: stub.url,
      model: "nova-3",
      language: "en",
      timeoutSeconds: 5,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TranscriptionUnavailableError);
  });
});
