import { findSeriesByTitle } from "@/lib/catalog/series/find-series-by-title";
import { saveSeries } from "@/lib/catalog/series/series";
import { saveSermon } from "@/lib/catalog/sermons/save-sermon";
import { findSpeakerByName } from "@/lib/catalog/speakers/find-speaker-by-name";
import { saveSpeaker } from "@/lib/catalog/speakers/speakers";
import type { Db } from "@/lib/platform/db/client";
import { FormError } from "@/lib/platform/validation/form-result";

/** What of a feed item its sermon is made of (a FeedItem row). */
export interface ImportedDetails {
  title: string;
  description: string | null;
  publishedAt: Date | null;
  speaker: string | null;
  series: string | null;
  tags: string[];
}

/**
 * The sermon for a feed item whose audio is on its way: created through `saveSermon` as a
 * draft (no listener sees it before its audio is stored), with the item's title, description,
 * tags, the day it was published (in the church's time zone) and its speaker and series,
 * found by name or created. Marked `uploading` while the audio is fetched.
 */
export async function createImportedSermon(
  db: Db,
  churchId: string,
  details: ImportedDetails,
): Promise<{ id: string; slug: string; mediaVersion: number }> {
  const church = await db.church.findUniqueOrThrow({
    where: { id: churchId },
    select: { timezone: true },
  });
  const speakerId = details.speaker ? await speakerNamed(db, churchId, details.speaker) : null;
  const seriesId = details.series ? await seriesTitled(db, churchId, details.series) : null;
  const id = await saveSermon(db, churchId, null, {
    title: details.title,
    speakerId,
    seriesId,
    preachedOn: details.publishedAt ? dayIn(details.publishedAt, church.timezone) : null,
    description: details.description ?? "",
    tags: details.tags,
    scripture: "",
    publishState: "draft",
    publishAt: null,
  });
  return db.sermon.update({
    where: { id },
    data: { status: "uploading" },
    select: { id: true, slug: true, mediaVersion: true },
  });
}

/** An imported sermon whose audio never arrived: it goes again (nothing else refers to it). */
export async function discardImportedSermon(db: Db, churchId: string, sermonId: string) {
  await db.sermon.deleteMany({ where: { id: sermonId, churchId, mediaVersion: 0 } });
}

/** The calendar day `instant` falls on where the church is, as preachedOn stores days (UTC midnight). */
export function dayIn(instant: Date, timezone: string): Date {
  const day = new Intl.DateTimeFormat("en-CA", {
    timeZone: timezone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
  return new Date(`${day}T00:00:00Z`);
}

async function speakerNamed(db: Db, churchId: string, name: string): Promise<string> {
  const found = await findSpeakerByName(db, churchId, name);
  if (found) return found.id;
  try {
    return await saveSpeaker(db, churchId, null, { name, bio: "" });
  } catch (error) {
    // Created meanwhile by another import of the church.
    if (!(error instanceof FormError)) throw error;
    return (await findSpeakerByName(db, churchId, name))!.id;
  }
}

async function seriesTitled(db: Db, churchId: string, title: string): Promise<string> {
  const found = await findSeriesByTitle(db, churchId, title);
  return found?.id ?? saveSeries(db, churchId, null, { title, description: "" });
}
