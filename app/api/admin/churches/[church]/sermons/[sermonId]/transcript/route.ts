// POST /api/admin/churches/:church/sermons/:sermonId/transcript — upload a WebVTT/SRT file that replaces the transcript.
import { churchRoute } from "@/app/api/admin/_lib/church-route";
import { MAX_CAPTION_BYTES } from "@/lib/pipeline/transcription/captions/parse-captions";
import { readBody } from "@/lib/platform/http/read-body";
import { replaceTranscriptWithCaptions } from "@/lib/pipeline/transcription/replace-transcript-with-captions";

export const dynamic = "force-dynamic";

export const POST = churchRoute<{ church: string; sermonId: string }>(
  { atLeast: "editor" },
  async ({ request, params, access }) => {
    // Over the limit: 413 payload_too_large before any of it is parsed.
    const data = await readBody(request, { maxBytes: MAX_CAPTION_BYTES });
    // A malformed file is a CaptionsRejectedError: 422 invalid_captions, naming the `line`.
    const stored = await replaceTranscriptWithCaptions(
      { churchId: access.church.id, sermonId: params.sermonId },
      data,
    );
    return {
      transcriptId: stored.transcriptId,
      format: stored.format,
      segmentCount: stored.segmentCount,
    };
  },
);
