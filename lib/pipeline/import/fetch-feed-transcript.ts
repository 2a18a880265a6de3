import {
  MAX_CAPTION_BYTES,
  parseCaptions,
} from "@/lib/pipeline/transcription/captions/parse-captions";
import { writeWebVtt } from "@/lib/pipeline/transcription/captions/write-webvtt";
import type { ImportEnv } from "@/lib/platform/config/import-env";
import { AppError } from "@/lib/platform/errors/app-error";
import { readBody, safeFetch } from "@/lib/platform/net/safe-fetch";
import { fetchSettings } from "./import-deps";
import type { FeedTranscriptType } from "./parse-podcast-feed";
import { cuesFromTranscriptJson } from "./read-podcast-transcript-json";

/** A caption file ready for `storeProvidedTranscript`, or why the feed's transcript is not used. */
export type FeedTranscript = { captions: Uint8Array } | { note: string };

/**
 * Fetches an item's `podcast:transcript` (as safely as its audio, at most the size of a caption
 * upload) and checks it as an admin's caption upload is checked (`parseCaptions`). JSON
 * transcripts become WebVTT first. A transcript that cannot be fetched or read is not an
 * item failure: the sermon is transcribed instead, and the note says why.
 */
export async function fetchFeedTranscript(
  url: string,
  type: FeedTranscriptType,
  env: ImportEnv,
): Promise<FeedTranscript> {
  try {
    const response = await safeFetch(url, {
      ...fetchSettings(env),
      maxBytes: MAX_CAPTION_BYTES,
      accept: type === "json" ? "application/json" : "text/vtt, application/x-subrip, text/*;q=0.5",
    });
    const data = await readBody(response);
    const captions =
      type === "json" ? new TextEncoder().encode(writeWebVtt(cuesFromTranscriptJson(data))) : data;
    parseCaptions(captions);
    return { captions };
  } catch (error) {
    if (!(error instanceof AppError) || error.isForOperators) throw error;
    return {
      note: `The feed's transcript was not used (the sermon is transcribed instead): ${error.message}`,
    };
  }
}
