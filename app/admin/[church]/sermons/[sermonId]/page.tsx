import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SermonForm } from "@/components/admin/sermon-form";
import { ProcessingStatus } from "@/components/admin/processing-status";
import { ChapterEditor } from "@/components/admin/chapter-editor";
import { getChaptersForAdmin } from "@/lib/catalog/chapters/chapter-queries";
import { SermonUploader } from "@/components/admin/sermon-uploader";
import { StatusBadge } from "@/components/admin/status-badge";
import { serverEnv } from "@/lib/platform/config/server-env";
import { getSermonForAdmin } from "@/lib/catalog/sermons/admin-queries";
import { sermonProgressView } from "@/lib/pipeline/progress/sermon-progress-view";
import { sermonFormOptions } from "@/lib/catalog/sermons/sermon-form-options";
import { ACCEPT_ATTRIBUTE } from "@/lib/pipeline/upload/accepted-media";
import { requireChurchPage } from "../../../_lib/admin-session";
import { updateSermon } from "../actions";
import { addChapter, removeChapter, updateChapter } from "./actions";

export const metadata: Metadata = { title: "Edit sermon" };

const toDateInput = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");
const toDateTimeInput = (date: Date | null) =>
  date
    ? new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
    : "";

export default async function EditSermonPage({
  params,
  searchParams,
}: {
  params: Promise<{ church: string; sermonId: string }>;
  searchParams: Promise<{ created?: string }>;
}) {
  const { church: slug, sermonId } = await params;
  const { created } = await searchParams;
  const { church } = await requireChurchPage(slug);
  const [sermon, options, progress, chapters] = await Promise.all([
    getSermonForAdmin(church.id, sermonId),
    sermonFormOptions(church.id),
    sermonProgressView(church.id, sermonId),
    getChaptersForAdmin(church.id, sermonId),
  ]);
  if (!sermon) notFound();
  const apiBase = `/api/admin/churches/${slug}/sermons/${sermon.id}`;
  const passages = sermon.scriptureRefs.map((ref) => ref.text);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Link
        href={`/admin/${slug}`}
        className="text-sm font-medium text-stone-500 hover:text-stone-800"
      >
        ← All sermons
      </Link>
      {created && (
        <p
          role="status"
          className="rounded-lg bg-emerald-50 px-4 py-3 text-sm font-medium text-emerald-800"
        >
          Sermon created. Upload its audio below.
        </p>
      )}
      <SermonUploader
        sermonId={sermon.id}
        apiBase={apiBase}
        hasAudio={sermon.mediaVersion > 0}
        maxBytes={serverEnv().UPLOAD_MAX_BYTES}
        accept={ACCEPT_ATTRIBUTE}
      />
      {/* Keyed by version and status: a new upload or a refreshed page starts it from the server's view. */}
      {progress && progress.mediaVersion > 0 && (
        <ProcessingStatus
          key={`${progress.mediaVersion}-${progress.status}`}
          apiBase={apiBase}
          initial={progress}
        />
      )}
      <section className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm sm:p-8">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 className="text-lg font-semibold">{sermon.title}</h2>
          <StatusBadge status={sermon.status} />
        </div>
        <Link
          href={`/admin/${slug}/sermons/${sermon.id}/transcript`}
          className="mt-2 inline-block text-sm font-medium text-amber-700 hover:text-amber-800"
        >
          Transcript and captions →
        </Link>
        <div className="mt-8">
          <SermonForm
            action={updateSermon.bind(null, slug)}
            values={{
              sermonId: sermon.id,
              title: sermon.title,
              speakerId: sermon.speakerId ?? "",
              seriesId: sermon.seriesId ?? "",
              preachedOn: toDateInput(sermon.preachedOn),
              description: sermon.description ?? "",
              tags: sermon.tags.join(", "),
              scripture: passages.join("; "),
              publishState: sermon.publishState,
              publishAt: toDateTimeInput(sermon.publishAt),
              manuscript: sermon.manuscript ?? "",
            }}
            {...options}
            normalisedScripture={passages}
            submitLabel="Save changes"
          />
        </div>
      </section>
      {sermon.mediaVersion > 0 && (
        <ChapterEditor
          sermonId={sermon.id}
          chapters={chapters}
          canPlace={sermon.durationMs !== null}
          addAction={addChapter.bind(null, slug)}
          updateAction={updateChapter.bind(null, slug)}
          removeAction={removeChapter.bind(null, slug)}
        />
      )}
    </div>
  );
}
