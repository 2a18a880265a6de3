import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/admin/status-badge";
import { TranscriptSegmentRow } from "@/components/admin/transcript-segment-row";
import { TranscriptUpload } from "@/components/admin/transcript-upload";
import {
  type AdminTranscript,
  getTranscriptForAdmin,
} from "@/lib/catalog/transcripts/transcript-queries";
import { CONFIDENCE_THRESHOLDS } from "@/lib/catalog/transcripts/confidence-thresholds";
import { requireChurchPage } from "../../../../_lib/admin-session";
import { correctTranscriptSegment } from "./actions";

export const metadata: Metadata = { title: "Transcript" };

const PROVIDERS: Record<string, string> = {
  deepgram: "Deepgram",
  openai: "OpenAI-compatible Whisper",
  local: "the local recogniser (pocketsphinx)",
  provided: "an uploaded caption file",
};

function producedBy(transcript: NonNullable<AdminTranscript["transcript"]>): string {
  const who = PROVIDERS[transcript.provider] ?? transcript.provider;
  const details = [
    transcript.model && transcript.provider !== "provided" ? transcript.model : null,
    transcript.provider === "provided" && transcript.model ? transcript.model.toUpperCase() : null,
    transcript.language,
    transcript.confidence !== null
      ? `${Math.round(transcript.confidence * 100)}% confidence`
      : null,
  ].filter(Boolean);
  return details.length ? `${who} · ${details.join(" · ")}` : who;
}

export default async function TranscriptPage({
  params,
}: {
  params: Promise<{ church: string; sermonId: string }>;
}) {
  const { church: slug, sermonId } = await params;
  const { church } = await requireChurchPage(slug);
  const sermon = await getTranscriptForAdmin(church.id, sermonId);
  if (!sermon) notFound();
  const { transcript } = sermon;
  const isUnsure = (confidence: number | null) =>
    confidence !== null && confidence < CONFIDENCE_THRESHOLDS.dimBelow;
  const unsureCount = transcript?.segments.filter((s) => isUnsure(s.confidence)).length ?? 0;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Link
        href={`/admin/${slug}/sermons/${sermon.id}`}
        className="text-sm font-medium text-stone-500 hover:text-stone-800"
      >
        ← {sermon.title}
      </Link>
      <section className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm sm:p-8">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 className="text-lg font-semibold">Transcript</h2>
          <StatusBadge status={sermon.status} />
        </div>
        {transcript ? (
          <p className="mt-3 text-sm text-stone-600" data-testid="transcript-provider">
            Produced by <span className="font-medium text-stone-900">{producedBy(transcript)}</span>
            , {transcript.segments.length} segments
            {sermon.transcriptCount > 1
              ? ` (${sermon.transcriptCount - 1} earlier ${sermon.transcriptCount === 2 ? "version" : "versions"} kept)`
              : ""}
            .
          </p>
        ) : (
          <p className="mt-3 text-sm text-stone-600">
            {sermon.transcriptionProvider === "provided"
              ? "This sermon waits for an uploaded caption file."
              : "No transcript yet: it is made automatically once the audio is processed, or upload captions you already have."}
          </p>
        )}
        <div className="mt-6 border-t border-stone-100 pt-6">
          <h3 className="text-sm font-semibold text-stone-900">Use your own captions</h3>
          <p className="mt-1 mb-3 text-sm text-stone-600">
            A WebVTT or SRT file replaces the machine transcript; its cue times are kept. Problems
            are reported with their line number.
          </p>
          {sermon.mediaVersion > 0 ? (
            <TranscriptUpload
              endpoint={`/api/admin/churches/${slug}/sermons/${sermon.id}/transcript`}
            />
          ) : (
            <p className="text-sm text-stone-500">
              Upload the sermon&apos;s audio first: captions are timed against it.
            </p>
          )}
        </div>
      </section>
      {transcript && transcript.segments.length > 0 && (
        <section className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm sm:p-8">
          <h3 className="text-sm font-semibold text-stone-900">Correct the text</h3>
          <p className="mt-1 text-sm text-stone-600">
            Corrections keep the earlier wording as history and update search and captions.
          </p>
          {unsureCount > 0 && (
            <p className="mt-2 text-sm text-stone-700" data-testid="unsure-count">
              {unsureCount} {unsureCount === 1 ? "segment is" : "segments are"} marked{" "}
              <span className="font-semibold">Unsure</span>: the recogniser doubted its words, and
              listeners see them dimmed or as [unclear] until corrected.
            </p>
          )}
          <ol className="mt-4 divide-y divide-stone-100">
            {transcript.segments.map((segment) => (
              <TranscriptSegmentRow
                key={segment.id}
                sermonId={sermon.id}
                action={correctTranscriptSegment.bind(null, slug)}
                segment={{
                  id: segment.id,
                  startMs: segment.startMs,
                  speaker: segment.speaker,
                  text: segment.text,
                  isRecognised: segment.source === "recognised",
                  isUnsure: isUnsure(segment.confidence),
                  editCount: segment._count.edits,
                }}
              />
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
