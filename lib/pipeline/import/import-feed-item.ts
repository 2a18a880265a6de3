import { invalidateChurchPages } from "@/lib/catalog/listener-cache/invalidate-church-pages";
import { recordNewOriginal, type StoredOriginal } from "@/lib/pipeline/upload/record-new-original";
import { storeProvidedTranscript } from "@/lib/pipeline/transcription/store-provided-transcript";
import type { FeedItem } from "@/lib/platform/db/generated/prisma/client";
import { AppError } from "@/lib/platform/errors/app-error";
import { FetchFailedError, FetchRefusedError } from "@/lib/platform/net/fetch-errors";
import { fetchFeedTranscript, type FeedTranscript } from "./fetch-feed-transcript";
import { openEnclosure, storeEnclosure } from "./fetch-enclosure";
import type { ImportDeps } from "./import-deps";
import { createImportedSermon, discardImportedSermon } from "./imported-sermon";
import type { FeedTranscriptType } from "./parse-podcast-feed";

interface ItemOutcomeBase {
  itemId: string;
  /** The item's guid, or its enclosure URL when it has none. */
  guid: string;
  title: string;
}

/** What became of one item; a step's small, JSON-safe result. */
export type ItemOutcome = ItemOutcomeBase &
  (
    | { outcome: "imported"; sermonId: string; sermonSlug: string; note?: string }
    | { outcome: "failed"; reason: string }
    | { outcome: "skipped"; reason: string }
  );

/** How often the bytes fetched so far are written down for the progress view. */
const PROGRESS_EVERY_MS = 1000;

/**
 * Imports one item: its audio fetched (safe-fetch) and judged by content, its sermon created
 * (a draft until then), the audio stored as the sermon's original where an upload puts it and
 * handed to the pipeline as an upload's completion does (`recordNewOriginal`: `sermon/uploaded`),
 * published as the feed published it, unless the church's feed says drafts (a pubDate still to
 * come schedules it). A `podcast:transcript` is fetched first and stored as uploaded captions
 * are (`storeProvidedTranscript`), so the pipeline adopts it instead of transcribing.
 *
 * Trouble with the source (refused address, 404, not audio, too large, a dropped download) is
 * the item's failure, recorded with the reason; storage or database trouble throws, for the
 * step to retry. A retried call resumes: the sermon made before is reused, a hand-off already
 * made is not repeated, and a finished item answers with what became of it.
 */
export async function importFeedItem(
  deps: ImportDeps,
  importId: string,
  itemId: string,
): Promise<ItemOutcome> {
  const { db } = deps;
  const item = await db.feedItem.findUnique({
    where: { id: itemId },
    include: {
      import: { select: { source: { select: { importAsDrafts: true } } } },
      sermon: { select: { id: true, slug: true, mediaVersion: true } },
    },
  });
  if (!item) throw AppError.notFound("That feed item no longer exists.");
  const base: ItemOutcomeBase = { itemId, guid: item.key, title: item.title };
  if (item.importId !== importId)
    return { ...base, outcome: "skipped", reason: "Another import of the feed took it over." };
  if (item.state === "imported")
    return item.sermon
      ? { ...base, outcome: "imported", sermonId: item.sermon.id, sermonSlug: item.sermon.slug }
      : { ...base, outcome: "skipped", reason: "Imported before; its sermon was deleted since." };
  if (item.state === "failed")
    return { ...base, outcome: "failed", reason: item.failureReason ?? "Import failed." };

  const transcript = item.transcriptUrl
    ? await fetchFeedTranscript(
        item.transcriptUrl,
        item.transcriptType as FeedTranscriptType,
        deps.env,
      )
    : null;

  let sermon = item.sermon;
  if (!sermon || sermon.mediaVersion === 0) {
    const handedOff = await fetchAndHandOff(deps, item, sermon, item.import.source.importAsDrafts);
    if ("reason" in handedOff) {
      await db.feedItem.update({
        where: { id: itemId },
        data: { state: "failed", failureReason: handedOff.reason },
      });
      return { ...base, outcome: "failed", reason: handedOff.reason };
    }
    sermon = handedOff.sermon;
  }

  const note = await storeTranscript(deps, item.churchId, sermon.id, transcript);
  await db.feedItem.update({
    where: { id: itemId },
    data: { state: "imported", failureReason: null, transcriptNote: note },
  });
  return {
    ...base,
    outcome: "imported",
    sermonId: sermon.id,
    sermonSlug: sermon.slug,
    ...(note ? { note } : {}),
  };
}

type Sermon = { id: string; slug: string; mediaVersion: number };

async function fetchAndHandOff(
  deps: ImportDeps,
  item: FeedItem,
  existing: Sermon | null,
  importAsDrafts: boolean,
): Promise<{ sermon: Sermon } | { reason: string }> {
  const { db } = deps;
  let opened;
  try {
    opened = await openEnclosure(item.enclosureUrl, deps.env);
  } catch (error) {
    if (isSourceTrouble(error)) return { reason: error.message };
    throw error;
  }
  let sermon: Sermon | null = existing;
  let stored: StoredOriginal;
  try {
    if (!sermon) {
      sermon = await createImportedSermon(db, item.churchId, item);
      await db.feedItem.update({ where: { id: item.id }, data: { sermonId: sermon.id } });
    }
    // Marked fetching once the audio answers: until then it is still as good as queued.
    await db.feedItem.update({
      where: { id: item.id },
      data: { state: "fetching", bytesTotal: opened.response.contentLength, bytesFetched: 0 },
    });
    let reportedAt = Date.now();
    stored = await storeEnclosure(
      deps.storage,
      opened,
      { churchId: item.churchId, sermonId: sermon.id, nextVersion: sermon.mediaVersion + 1 },
      (bytes) => {
        if (Date.now() - reportedAt < PROGRESS_EVERY_MS) return;
        reportedAt = Date.now();
        // Progress is for show: a lost update is made good by the next one.
        void db.feedItem
          .update({ where: { id: item.id }, data: { bytesFetched: bytes } })
          .then(() => touchImport(deps, item.importId))
          .catch(() => undefined);
      },
    );
  } catch (error) {
    opened.response.body.destroy();
    if (!isSourceTrouble(error)) throw error;
    if (sermon) await discardImportedSermon(db, item.churchId, sermon.id);
    return { reason: error.message };
  }
  const handedOff: Sermon = sermon;

  const publishedAt = item.publishedAt;
  const isFuture = publishedAt !== null && publishedAt.getTime() > Date.now();
  const ref = { churchId: item.churchId, sermonId: handedOff.id };
  const mediaVersion = await db.$transaction(async (tx) => {
    const version = await recordNewOriginal(tx, ref, stored);
    await tx.sermon.update({
      where: { id: handedOff.id },
      data: importAsDrafts
        ? { publishState: "draft", publishAt: null }
        : isFuture
          ? { publishState: "scheduled", publishAt: publishedAt }
          : { publishState: "published", publishAt: null },
    });
    await tx.feedItem.update({
      where: { id: item.id },
      data: { bytesFetched: stored.bytes },
    });
    return version;
  });
  await invalidateChurchPages(db, item.churchId);
  return { sermon: { ...handedOff, mediaVersion } };
}

/** Stores the feed's transcript as uploaded captions are; the note says why it was not used. */
async function storeTranscript(
  deps: ImportDeps,
  churchId: string,
  sermonId: string,
  transcript: FeedTranscript | null,
): Promise<string | null> {
  if (!transcript) return null;
  if ("note" in transcript) return transcript.note;
  try {
    await storeProvidedTranscript(deps, { churchId, sermonId }, transcript.captions);
    return null;
  } catch (error) {
    if (!(error instanceof AppError) || error.retriable) throw error;
    return `The feed's transcript was not used (the sermon is transcribed instead): ${error.message}`;
  }
}

async function touchImport(deps: ImportDeps, importId: string) {
  await deps.db.feedImport.update({ where: { id: importId }, data: { updatedAt: new Date() } });
}

/** A failure of the item's source, not of Selah: the item fails with it, nothing is retried. */
function isSourceTrouble(error: unknown): error is AppError {
  return error instanceof FetchRefusedError || error instanceof FetchFailedError;
}
