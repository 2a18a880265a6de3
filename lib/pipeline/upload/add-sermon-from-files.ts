import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { findSeriesByTitle } from "@/lib/catalog/series/find-series-by-title";
import { deleteSeries, saveSeries, seriesInputSchema } from "@/lib/catalog/series/series";
import { saveSermon } from "@/lib/catalog/sermons/save-sermon";
import type { SermonInput } from "@/lib/catalog/sermons/sermon-input";
import { sermonJsonInputSchema } from "@/lib/catalog/sermons/sermon-json-input";
import { findSpeakerByName } from "@/lib/catalog/speakers/find-speaker-by-name";
import { deleteSpeaker, saveSpeaker, speakerInputSchema } from "@/lib/catalog/speakers/speakers";
import {
  MAX_CAPTION_BYTES,
  parseCaptions,
} from "@/lib/pipeline/transcription/captions/parse-captions";
import {
  type ProvidedTranscript,
  storeProvidedTranscript,
} from "@/lib/pipeline/transcription/store-provided-transcript";
import type { Db } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors/app-error";
import type { MediaStorage } from "@/lib/platform/storage/media-storage";
import { FormError } from "@/lib/platform/validation/form-result";
import { checkLocalMediaFile, type LocalMediaFile } from "./check-local-media-file";
import { type UploadProgress, uploadLocalFile } from "./upload-local-file";

/** A sermon to add from files on this machine (`npm run sermon:add`). */
export interface SermonFromFiles {
  churchSlug: string;
  /** The sermon form's fields by the form's names, as the admin API's create route takes them. */
  fields: Record<string, unknown>;
  /** A speaker's name (or slug); created when the church has none by that name. */
  speaker?: string;
  /** A series' title (or slug); created when the church has none by that title. */
  series?: string;
  audioPath: string;
  /** A WebVTT or SRT file that becomes the transcript, as an admin's captions upload does. */
  transcriptPath?: string;
}

export interface AddedSermon {
  id: string;
  slug: string;
  churchId: string;
  churchSlug: string;
  transcript: ProvidedTranscript | null;
}

interface Deps {
  db: Db;
  storage: MediaStorage;
  /** UPLOAD_MAX_BYTES. */
  maxBytes: number;
}

/**
 * Adds a sermon the way an admin does in the browser, from files on this machine: the sermon
 * created from the form's fields (`sermonJsonInputSchema`, then `saveSermon`), its speaker and
 * series found by name or created, the recording uploaded through the upload flow (completion
 * publishes `sermon/uploaded`, so the normal pipeline processes it), then the transcript
 * stored as an uploaded caption file is.
 *
 * Everything that can be checked is checked first, and every problem is reported at once as a
 * FormError, with nothing created: keyed by the form's field names (`title`, `preachedOn`…)
 * and by `church`, `speaker`, `series`, `audio` and `transcript`. When creating or uploading
 * fails (or `signal` aborts it), what this call created is deleted again.
 */
export async function addSermonFromFiles(
  deps: Deps,
  request: SermonFromFiles,
  options: { onUploadProgress?: (progress: UploadProgress) => void; signal?: AbortSignal } = {},
): Promise<AddedSermon> {
  const checked = await check(deps, request);
  const { db } = deps;
  const { church } = checked;
  const created: { speakerId?: string; seriesId?: string; sermonId?: string } = {};
  let sermon: { id: string; slug: string };
  try {
    let speakerId: string | null = null;
    if (request.speaker) {
      const name = request.speaker.trim();
      speakerId = (await findSpeakerByName(db, church.id, name))?.id ?? null;
      speakerId ??= created.speakerId = await saveSpeaker(db, church.id, null, { name, bio: "" });
    }
    let seriesId: string | null = null;
    if (request.series) {
      const title = request.series.trim();
      seriesId = (await findSeriesByTitle(db, church.id, title))?.id ?? null;
      seriesId ??= created.seriesId = await saveSeries(db, church.id, null, {
        title,
        description: "",
      });
    }
    options.signal?.throwIfAborted();
    const input: SermonInput = { ...checked.input, speakerId, seriesId };
    created.sermonId = await saveSermon(db, church.id, null, input);
    sermon = await db.sermon.findUniqueOrThrow({
      where: { id: created.sermonId },
      select: { id: true, slug: true },
    });
    await uploadLocalFile(
      {
        db,
        s3: deps.storage.s3,
        bucket: deps.storage.bucket,
        maxBytes: deps.maxBytes,
        toBrowserUrl: (url) => url,
      },
      { churchId: church.id, sermonId: sermon.id },
      checked.audio,
      { onProgress: options.onUploadProgress, signal: options.signal },
    );
  } catch (error) {
    await undo(db, church.id, created);
    throw error;
  }

  // From here the sermon is whole: its recording is stored and the pipeline has it.
  const transcript = checked.captions
    ? await storeProvidedTranscript(
        { db, storage: deps.storage },
        { churchId: church.id, sermonId: sermon.id },
        checked.captions,
      ).catch((error: unknown) => {
        throw new AppError(
          "internal",
          `The sermon was added (id ${sermon.id}), but its transcript was not stored: ${error instanceof Error ? error.message : String(error)}. Upload the caption file on the sermon's Transcript page.`,
          { cause: error },
        );
      })
    : null;
  return {
    id: sermon.id,
    slug: sermon.slug,
    churchId: church.id,
    churchSlug: church.slug,
    transcript,
  };
}

/** Every check that needs nothing created; all problems at once. */
async function check(deps: Deps, request: SermonFromFiles) {
  const problems: Record<string, string[]> = {};
  const report = (field: string, message: string) => (problems[field] ??= []).push(message);

  const church = await deps.db.church.findUnique({
    where: { slug: request.churchSlug },
    select: { id: true, slug: true },
  });
  if (!church) report("church", await unknownChurch(deps.db, request.churchSlug));

  // As in a JSON body, a field that is not given is left out (undefined would replace the default).
  const given = Object.entries(request.fields).filter(([, value]) => value !== undefined);
  const fields = sermonJsonInputSchema.safeParse(Object.fromEntries(given));
  if (!fields.success)
    for (const issue of fields.error.issues) report(String(issue.path[0] ?? "form"), issue.message);
  if (request.speaker !== undefined) {
    const name = speakerInputSchema.safeParse({ name: request.speaker });
    if (!name.success) for (const issue of name.error.issues) report("speaker", issue.message);
  }
  if (request.series !== undefined) {
    const title = seriesInputSchema.safeParse({ title: request.series });
    if (!title.success) for (const issue of title.error.issues) report("series", issue.message);
  }

  let audio: LocalMediaFile | undefined;
  try {
    audio = await checkLocalMediaFile(request.audioPath, deps.maxBytes);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    report("audio", error.message);
  }

  let captions: Uint8Array | undefined;
  if (request.transcriptPath !== undefined) {
    try {
      captions = await readCaptionsFile(request.transcriptPath);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      report("transcript", error.message);
    }
  }

  if (!church || !fields.success || !audio || Object.keys(problems).length)
    throw new FormError(problems, "Nothing was added.");
  return { church, input: fields.data, audio, captions };
}

/** The file's bytes once they parse as captions (CaptionsRejectedError names the line). */
async function readCaptionsFile(filePath: string): Promise<Uint8Array> {
  const name = path.basename(filePath);
  const info = await stat(filePath).catch(() => null);
  if (!info?.isFile()) throw AppError.invalidInput(`There is no file ${filePath}.`);
  if (info.size > MAX_CAPTION_BYTES)
    throw AppError.invalidInput(
      `${name} is larger than ${MAX_CAPTION_BYTES / 1024 / 1024} MB; a caption file is text.`,
    );
  const data = await readFile(filePath).catch((error: unknown) => {
    throw AppError.invalidInput(`${filePath} cannot be read: ${(error as Error).message}`);
  });
  try {
    parseCaptions(data);
  } catch (error) {
    if (error instanceof AppError) throw AppError.invalidInput(`${name}: ${error.message}`);
    throw error;
  }
  return data;
}

async function unknownChurch(db: Db, slug: string): Promise<string> {
  const churches = await db.church.findMany({
    select: { slug: true },
    orderBy: { slug: "asc" },
    take: 21,
  });
  if (!churches.length)
    return `There is no church "${slug}"; there are no churches yet (npm run admin:create -- --church ${slug} … creates one).`;
  const listed = churches.slice(0, 20).map((church) => church.slug);
  return `There is no church "${slug}"; use the slug of one of: ${listed.join(", ")}${churches.length > 20 ? ", …" : ""}.`;
}

/** Deletes what a failed add created, newest first; the upload, if any, is already abandoned. */
async function undo(
  db: Db,
  churchId: string,
  created: { speakerId?: string; seriesId?: string; sermonId?: string },
): Promise<void> {
  if (created.sermonId) await db.sermon.deleteMany({ where: { id: created.sermonId, churchId } });
  if (created.seriesId) await deleteSeries(db, churchId, created.seriesId).catch(() => undefined);
  if (created.speakerId)
    await deleteSpeaker(db, churchId, created.speakerId).catch(() => undefined);
}
