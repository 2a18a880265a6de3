import {
  DeepgramClient,
  DeepgramError,
  DeepgramTimeoutError,
  type ListenV1Response,
} from "@deepgram/sdk";
import { classifyProviderFailure } from "@/lib/pipeline/transcription/classify-provider-failure";
import type { MachineTranscript } from "@/lib/catalog/transcripts/transcript";
import { TranscriptionUnavailableError } from "@/lib/pipeline/transcription/transcription-errors";
import { mapDeepgramResponse } from "./map-deepgram-response";

export interface DeepgramSettings {
  apiKey: string;
  /** Unset: the SDK's default (https://api.deepgram.com). */
  baseUrl?: string;
  model: string;
  language: string;
  timeoutSeconds: number;
}

/**
 * Transcribes audio Deepgram fetches itself from `audioUrl` (a short-lived presigned URL), so
 * the sermon's bytes never pass through our servers. Retries are Inngest's, not the SDK's, so
 * one policy (and one step history) covers every provider.
 */
export async function transcribeWithDeepgram(
  audioUrl: string,
  settings: DeepgramSettings,
): Promise<MachineTranscript> {
  const client = new DeepgramClient({
    apiKey: settings.apiKey,
    ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
    maxRetries: 0,
    timeoutInSeconds: settings.timeoutSeconds,
  });
  let response;
  try {
    response = await client.listen.v1.media.transcribeUrl(
      {
        url: audioUrl,
        model: settings.model,
        language: settings.language,
        smart_format: true,
        punctuate: true,
        paragraphs: true,
        utterances: true,
        diarize: true,
      },
      { maxRetries: 0, timeoutInSeconds: settings.timeoutSeconds },
    );
  } catch (error) {
    throw toTranscriptionError(error);
  }
  if (!isTranscription(response)) {
    throw new TranscriptionUnavailableError(
      "Deepgram accepted the request but returned no transcript",
    );
  }
  return mapDeepgramResponse(response, settings);
}

// A callback request is answered with only a request id; we never set one, so it means trouble.
function isTranscription(response: unknown): response is ListenV1Response {
  return (
    typeof response === "object" &&
    response !== null &&
    "results" in response &&
    "metadata" in response
  );
}

function toTranscriptionError(error: unknown): Error {
  if (error instanceof DeepgramTimeoutError) {
    return classifyProviderFailure({
      provider: "Deepgram",
      status: undefined,
      detail: error.message,
      cause: error,
    });
  }
  if (error instanceof DeepgramError) {
    return classifyProviderFailure({
      provider: "Deepgram",
      status: error.statusCode,
      detail: deepgramMessage(error),
      retryAfter: error.rawResponse?.headers?.get("retry-after"),
      cause: error,
    });
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** Deepgram's error bodies are `{ err_code, err_msg, request_id }`. */
function deepgramMessage(error: DeepgramError): string {
  const body = error.body as { err_msg?: unknown; err_code?: unknown } | undefined;
  if (body && typeof body === "object" && typeof body.err_msg === "string") {
    return typeof body.err_code === "string" ? `${body.err_msg} (${body.err_code})` : body.err_msg;
  }
  return error.message;
}
