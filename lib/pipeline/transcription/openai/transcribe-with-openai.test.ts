import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NonRetriableError, RetryAfterError } from "inngest";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { generateMedia } from "@/test/support/test-media";
import { startStubProvider, type StubAnswer } from "@/test/transcription/stub-provider-server";
import { toInngestError } from "@/lib/platform/errors/to-inngest-error";
import {
  TranscriptionRejectedError,
  TranscriptionUnavailableError,
} from "@/lib/pipeline/transcription/transcription-errors";
import { type OpenAiSettings, transcribeWithOpenAi } from "./transcribe-with-openai";

// OpenAI's documented verbose_json transcription object (platform.openai.com/docs/api-reference/audio/verbose-json-object),
// as whisper-1 returns it with timestamp_granularities word and segment.
const verboseJson = {
  task: "transcribe",
  language: "english",
  duration: 4.2,
  text: "Grace and peace to you. Let us pray.",
  segments: [
    {
      id: 0,
      seek: 0,
      start: 0.0,
      end: 1.8,
      text: " Grace and peace to you.",
      tokens: [50364, 17474],
      temperature: 0.0,
      avg_logprob: -0.1,
      compression_ratio: 0.9,
      no_speech_prob: 0.01,
    },
    {
      id: 1,
      seek: 0,
      start: 2.5,
      end: 3.9,
      text: " Let us pray.",
      tokens: [50489, 961],
      temperature: 0.0,
      avg_logprob: -0.3,
      compression_ratio: 0.9,
      no_speech_prob: 0.02,
    },
  ],
  words: [
    { word: "Grace", start: 0.0, end: 0.4 },
    { word: "and", start: 0.4, end: 0.6 },
    { word: "peace", start: 0.6, end: 1.0 },
    { word: "to", start: 1.0, end: 1.2 },
    { word: "you", start: 1.2, end: 1.8 },
    { word: "Let", start: 2.5, end: 2.8 },
    { word: "us", start: 2.8, end: 3.1 },
    { word: "pray", start: 3.1, end: 3.9 },
  ],
  usage: { type: "duration", seconds: 5 },
};
// OpenAI's documented error object.
const openAiError = (
  status: number,
  message: string,
  code: string,
  headers?: Record<string, string>,
): StubAnswer => ({
  status,
  body: { error: { message, type: "invalid_request_error", param: null, code } },
  ...(headers ? { headers } : {}),
});

const AUDIO_SECONDS = 30;
let dir: string;
let audioPath: string;
let stop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "selah-openai-test-"));
  // A tone with a second of silence every 6 s (at 5-6 s, 11-12 s, …), encoded as processing does.
  audioPath = await generateMedia(dir, "audio.m4a", [
    "-f",
    "lavfi",
    "-i",
    `sine=frequency=300:sample_rate=44100:duration=${AUDIO_SECONDS}`,
    "-af",
    "volume='if(lt(mod(t,6),5),0.5,0)':eval=frame",
    "-ac",
    "1",
    "-c:a",
    "aac",
    "-b:a",
    "64k",
  ]);
});
afterAll(() => rm(dir, { recursive: true, force: true }));
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

const silences = Array.from({ length: AUDIO_SECONDS / 6 }, (_, i) => ({
  startMs: i * 6000 + 5000,
  endMs: i * 6000 + 6000,
}));

async function transcribeAgainst(answers: StubAnswer[], overrides: Partial<OpenAiSettings> = {}) {
  const stub = await startStubProvider(answers);
  stop = stub.stop;
  const settings: OpenAiSettings = {
    apiKey: "sk-test",
    baseUrl: `${stub.url}/v1`,
    model: "whisper-1",
    language: "en-GB",
    maxBytes: 25_000_000,
    timeoutSeconds: 5,
    ...overrides,
  };
  return {
    stub,
    run: transcribeWithOpenAi(
      { path: audioPath, durationMs: AUDIO_SECONDS * 1000, silences },
      settings,
    ),
  };
}

describe("OpenAI-compatible transcription (the real SDK against a local server)", () => {
  it("uploads the audio for verbose_json with word and segment timestamps and maps them", async () => {
    const { stub, run } = await transcribeAgainst([{ status: 200, body: verboseJson }]);
    const transcript = await run;

    expect(stub.requests).toHaveLength(1);
    const [request] = stub.requests;
    expect(request?.url).toBe("/v1/audio/transcriptions");
    expect(request?.headers.authorization).toBe("Bearer sk-test");
    expect(request?.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    const form = request!.body.toString("latin1");
    const field = (name: string) =>
      new RegExp(`name="${name.replace(/[[\]]/g, "\\$&")}"\\r\\n\\r\\n([^\\r]*)`, "g");
    expect([...form.matchAll(field("model"))].map((m) => m[1])).toEqual(["whisper-1"]);
    expect([...form.matchAll(field("response_format"))].map((m) => m[1])).toEqual(["verbose_json"]);
    expect([...form.matchAll(field("language"))].map((m) => m[1])).toEqual(["en"]);
    expect([...form.matchAll(field("timestamp_granularities[]"))].map((m) => m[1])).toEqual([
      "word",
      "segment",
    ]);
    expect(request!.body.length).toBeGreaterThan((await stat(audioPath)).size);

    expect(transcript).toMatchObject({
      provider: "openai",
      model: "whisper-1",
      language: "english",
    });
    expect(transcript.confidence).toBeCloseTo((Math.exp(-0.1) + Math.exp(-0.3)) / 2, 5);
    // Each segment keeps Whisper's own confidence: exp(avg_logprob).
    expect(transcript.segments).toEqual([
      {
        startMs: 0,
        endMs: 1800,
        text: "Grace and peace to you.",
        speaker: null,
        confidence: Math.exp(-0.1),
      },
      {
        startMs: 2500,
        endMs: 3900,
        text: "Let us pray.",
        speaker: null,
        confidence: Math.exp(-0.3),
      },
    ]);
    expect(transcript.words.map((w) => [w.text, w.startMs, w.endMs])).toContainEqual([
      "pray",
      3100,
      3900,
    ]);
  });

  it("splits audio over the size limit at silences and stitches the pieces' times", async () => {
    const size = (await stat(audioPath)).size;
    const { stub, run } = await transcribeAgainst([{ status: 200, body: verboseJson }], {
      maxBytes: Math.ceil(size / 2.5),
    });
    const transcript = await run;

    const pieces = stub.requests.length;
    expect(pieces).toBeGreaterThanOrEqual(3);
    for (const request of stub.requests)
      expect(request.body.length).toBeLessThan(Math.ceil(size / 2.5) + 2000);
    // Each piece's answer starts at 0 s in its own audio; in the sermon it starts where the piece does.
    const starts = transcript.segments
      .filter((s) => s.text === "Grace and peace to you.")
      .map((s) => s.startMs);
    expect(starts).toHaveLength(pieces);
    expect(starts[0]).toBe(0);
    for (const start of starts.slice(1)) {
      // Every cut is the middle of a silence.
      expect(silences.some((s) => start === (s.startMs + s.endMs) / 2)).toBe(true);
    }
    const times = transcript.words.map((w) => w.startMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("asks gpt-4o transcription models for plain json, which has no timings, and spans the text over the piece", async () => {
    const { stub, run } = await transcribeAgainst(
      [
        {
          status: 200,
          body: {
            text: "Grace and peace to you.",
            usage: { type: "tokens", input_tokens: 10, output_tokens: 5, total_tokens: 15 },
          },
        },
      ],
      {
        model: "gpt-4o-transcribe",
      },
    );
    const transcript = await run;
    const form = stub.requests[0]!.body.toString("latin1");
    expect(form).toMatch(/name="response_format"\r\n\r\njson\r\n/);
    expect(form).not.toContain("timestamp_granularities");
    expect(transcript.segments).toEqual([
      { startMs: 0, endMs: AUDIO_SECONDS * 1000, text: "Grace and peace to you.", speaker: null },
    ]);
    expect(transcript.words).toEqual([]);
  });

  it("treats 401 (bad key) as final", async () => {
    const { run } = await transcribeAgainst([
      openAiError(401, "Incorrect API key provided: sk-test.", "invalid_api_key"),
    ]);
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TranscriptionRejectedError);
    expect((error as Error).message).toContain("Incorrect API key provided");
    expect(toInngestError(error)).toBeInstanceOf(NonRetriableError);
  });

  it("retries 429 after Retry-After and 503 with backoff, without the SDK retrying on its own", async () => {
    const limited = await transcribeAgainst([
      openAiError(429, "Rate limit reached for requests", "rate_limit_exceeded", {
        "retry-after": "20",
      }),
    ]);
    const rateLimited = await limited.run.catch((e: unknown) => e);
    expect(rateLimited).toBeInstanceOf(TranscriptionUnavailableError);
    expect(toInngestError(rateLimited)).toBeInstanceOf(RetryAfterError);
    expect((toInngestError(rateLimited) as RetryAfterError).retryAfter).toBe("20");
    expect(limited.stub.requests).toHaveLength(1);
    await stop?.();

    const down = await transcribeAgainst([
      {
        status: 503,
        body: {
          error: {
            message: "The server is overloaded",
            type: "server_error",
            param: null,
            code: null,
          },
        },
      },
    ]);
    const unavailable = await down.run.catch((e: unknown) => e);
    expect(unavailable).toBeInstanceOf(TranscriptionUnavailableError);
    expect(toInngestError(unavailable)).toBe(unavailable);
    expect(down.stub.requests).toHaveLength(1);
  });
});
