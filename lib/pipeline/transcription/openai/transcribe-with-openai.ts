import { createReadStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import OpenAI, { APIConnectionError, APIError } from "openai";
import { cutAudioCopy } from "../audio/cut-audio";
import type { LocalAudio } from "../audio/local-audio";
import { planAudioPieces } from "../audio/plan-audio-pieces";
import { classifyProviderFailure } from "@/lib/pipeline/transcription/classify-provider-failure";
import type { MachineTranscript } from "@/lib/catalog/transcripts/transcript";
import { mapOpenAiResponse, type OpenAiPiece } from "./map-openai-response";

export interface OpenAiSettings {
  apiKey: string;
  /** Unset: api.openai.com. Any OpenAI-compatible Whisper server otherwise. */
  baseUrl?: string;
  model: string;
  language: string;
  /** The API refuses larger uploads (25 MB for OpenAI). */
  maxBytes: number;
  timeoutSeconds: number;
}

/**
 * Uploads the normalised audio to an OpenAI-compatible transcription endpoint. Audio over the
 * size limit is cut at silences into pieces sent one after another (rate limits are per
 * account, so parallel pieces would only earn 429s); each piece's times are shifted by its
 * start, so the result reads as one transcript of the whole sermon.
 */
export async function transcribeWithOpenAi(
  audio: LocalAudio,
  settings: OpenAiSettings,
): Promise<MachineTranscript> {
  const client = new OpenAI({
    apiKey: settings.apiKey,
    ...(settings.baseUrl ? { baseURL: settings.baseUrl } : {}),
    maxRetries: 0,
    timeout: settings.timeoutSeconds * 1000,
  });
  const { size } = await stat(audio.path);
  const pieces = planAudioPieces(
    { durationMs: audio.durationMs, bytes: size, maxBytes: settings.maxBytes },
    audio.silences,
  );
  const workDir = pieces.length > 1 ? await mkdtemp(join(tmpdir(), "selah-openai-")) : undefined;
  try {
    const results: OpenAiPiece[] = [];
    for (const [index, piece] of pieces.entries()) {
      const path = workDir ? await cutAudioCopy(audio.path, piece, workDir, index) : audio.path;
      const response = await requestTranscription(client, path, settings);
      results.push(mapOpenAiResponse(response, piece.startMs, piece.endMs - piece.startMs));
    }
    const confidences = results.flatMap((result) => result.confidences);
    return {
      provider: "openai",
      model: settings.model,
      language: results.find((result) => result.language)?.language ?? settings.language,
      confidence: confidences.length
        ? confidences.reduce((sum, c) => sum + c, 0) / confidences.length
        : null,
      segments: results.flatMap((result) => result.segments),
      words: results.flatMap((result) => result.words),
    };
  } finally {
    if (workDir) await rm(workDir, { recursive: true, force: true });
  }
}

/** OpenAI's gpt-4o transcription models answer only `json` (text, no timings); Whisper models give verbose_json. */
const offersTimestamps = (model: string) => !/^gpt-4o/.test(model);

async function requestTranscription(client: OpenAI, path: string, settings: OpenAiSettings) {
  const common = {
    file: createReadStream(path),
    model: settings.model,
    // The API takes ISO-639-1 ("en"), not a full tag ("en-GB").
    language: settings.language.split("-")[0] ?? settings.language,
  };
  try {
    if (!offersTimestamps(settings.model))
      return await client.audio.transcriptions.create({ ...common, response_format: "json" });
    return await client.audio.transcriptions.create({
      ...common,
      response_format: "verbose_json",
      timestamp_granularities: ["word", "segment"],
    });
  } catch (error) {
    throw toTranscriptionError(error);
  }
}

function toTranscriptionError(error: unknown): Error {
  if (error instanceof APIConnectionError) {
    return classifyProviderFailure({
      provider: "OpenAI",
      status: undefined,
      detail: error.message,
      cause: error,
    });
  }
  if (error instanceof APIError) {
    const body = error.error as { message?: unknown } | undefined;
    return classifyProviderFailure({
      provider: "OpenAI",
      status: error.status,
      detail: typeof body?.message === "string" ? body.message : error.message,
      retryAfter: error.headers?.get("retry-after"),
      cause: error,
    });
  }
  return error instanceof Error ? error : new Error(String(error));
}
