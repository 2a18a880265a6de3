import { GetObjectCommand, S3ServiceException } from "@aws-sdk/client-s3";
import { isPubliclyVisible } from "@/lib/catalog/sermons/sermon-visibility";
import { type Db, getDb } from "@/lib/platform/db/client";
import { mediaStorage } from "@/lib/platform/storage/media-storage";
import type { TranscriptStorage } from "@/lib/catalog/transcripts/transcript-files";

/**
 * Transcripts are public text any site may read: podcast apps' web players and other players
 * fetch them cross-origin (the feeds' podcast:transcript), so every answer says so.
 */
export const TRANSCRIPT_CORS_HEADERS = { "access-control-allow-origin": "*" } as const;

/** 404, readable cross-origin like the transcripts themselves. */
export const transcriptNotFound = () =>
  new Response("Not found", {
    status: 404,
    headers: {
      "cache-control": "no-store",
      "content-type": "text/plain",
      ...TRANSCRIPT_CORS_HEADERS,
    },
  });

/**
 * The WebVTT captions of a published sermon's current transcript. The URL names the sermon,
 * not a file, so the player's `<track>` keeps working when a transcript is replaced or
 * corrected; a short cache lifetime lets corrections show up within a minute. Without `deps`,
 * this process's database and storage (the captions route).
 */
export async function serveCaptions(
  request: Request,
  sermonId: string,
  deps: { db: Db; storage: TranscriptStorage; now?: Date } = {
    db: getDb(),
    storage: mediaStorage(),
  },
): Promise<Response> {
  const sermon = await deps.db.sermon.findUnique({
    where: { id: sermonId },
    select: {
      publishState: true,
      publishAt: true,
      transcripts: { where: { isCurrent: true }, take: 1, select: { vttKey: true } },
    },
  });
  const key = sermon?.transcripts[0]?.vttKey;
  if (!sermon || !key || !isPubliclyVisible(sermon, deps.now ?? new Date()))
    return transcriptNotFound();
  const ifNoneMatch = request.headers.get("if-none-match");
  try {
    const object = await deps.storage.s3.send(
      new GetObjectCommand({
        Bucket: deps.storage.bucket,
        Key: key,
        ...(ifNoneMatch ? { IfNoneMatch: ifNoneMatch } : {}),
      }),
    );
    const headers = new Headers({
      "content-type": "text/vtt; charset=utf-8",
      "cache-control": "public, max-age=60",
      "x-content-type-options": "nosniff",
      ...TRANSCRIPT_CORS_HEADERS,
    });
    if (object.ETag) headers.set("etag", object.ETag);
    return new Response((await object.Body?.transformToString("utf8")) ?? "", {
      status: 200,
      headers,
    });
  } catch (error) {
    if (!(error instanceof S3ServiceException)) throw error;
    if (error.$metadata.httpStatusCode === 304)
      return new Response(null, { status: 304, headers: TRANSCRIPT_CORS_HEADERS });
    if (error.$metadata.httpStatusCode === 404 || error.name === "NoSuchKey")
      return transcriptNotFound();
    throw error;
  }
}
