import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FeedImportForm } from "@/components/admin/feed-import-form";
import { FeedImportProgress } from "@/components/admin/feed-import-progress";
import { FeedSyncToggle } from "@/components/admin/feed-sync-toggle";
import { feedImportView, listFeedSources } from "@/lib/pipeline/import/feed-import-view";
import { requireChurchPage } from "../../_lib/admin-session";
import { changeFeedSync, importFeed } from "./actions";

export const metadata: Metadata = { title: "Import" };

export default async function ImportPage({
  params,
  searchParams,
}: {
  params: Promise<{ church: string }>;
  searchParams: Promise<{ import?: string; page?: string }>;
}) {
  const { church: slug } = await params;
  const query = await searchParams;
  const { church } = await requireChurchPage(slug);
  const sources = await listFeedSources(church.id);
  const latest = sources
    .flatMap((source) => (source.latestImport ? [source.latestImport] : []))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  const importId = query.import ?? latest?.id;
  const view = importId ? await feedImportView(church.id, importId, Number(query.page) || 1) : null;
  if (query.import && !view) notFound();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <section className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm sm:p-8">
        <h2 className="text-lg font-semibold">Import a back catalogue</h2>
        <p className="mt-1 text-sm text-stone-600">
          Bring in the sermons of an existing podcast: their audio is fetched and processed like an
          upload, and a transcript the feed links to is used instead of transcribing.
        </p>
        <div className="mt-6">
          <FeedImportForm action={importFeed.bind(null, slug)} />
        </div>
      </section>
      {sources.length > 0 && (
        <section className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm sm:p-8">
          <h2 className="text-lg font-semibold">Saved feeds</h2>
          <ul className="mt-4 divide-y divide-stone-100">
            {sources.map((source) => (
              <li
                key={source.id}
                className="flex flex-wrap items-center justify-between gap-3 py-3"
              >
                <div className="min-w-0 text-sm">
                  <p className="break-all font-medium text-stone-900">{source.url}</p>
                  <p className="text-xs text-stone-500">
                    {source.keepInSync ? "Synced every hour" : "Not synced"}
                    {source.importAsDrafts ? " · imported as drafts" : ""}
                    {source.latestImport && (
                      <>
                        {" · "}
                        <Link
                          href={`/admin/${slug}/import?import=${source.latestImport.id}`}
                          className="text-amber-700 hover:text-amber-800"
                        >
                          latest import
                        </Link>
                      </>
                    )}
                  </p>
                </div>
                <FeedSyncToggle
                  action={changeFeedSync.bind(null, slug)}
                  sourceId={source.id}
                  keepInSync={source.keepInSync}
                />
              </li>
            ))}
          </ul>
        </section>
      )}
      {view && <FeedImportProgress view={view} churchSlug={slug} />}
    </div>
  );
}
