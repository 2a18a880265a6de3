import parseRange from "range-parser";
import {
  GetObjectCommand,
  type GetObjectCommandOutput,
  HeadObjectCommand,
  type HeadObjectCommandOutput,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { isPubliclyVisible } from "@/lib/catalog/sermons/sermon-visibility";
import { type Db, getDb } from "@/lib/platform/db/client";
import { mediaContentType } from "@/lib/catalog/playback/media-content-type";
import { sermonOutputKey, versionOfKey } from "@/lib/catalog/sermons/sermon-version";
import { type MediaStorage, mediaStorage } from "@/lib/platform/storage/media-storage";
import type { PublishState } from "@/lib/platform/db/generated/prisma/enums";
import {
  type MediaAccessCache,
  processMediaAccessCache,
} from "@/lib/catalog/listener-cache/media-access-cache";
import {
  type CachedMediaFile,
  type MediaFileCache,
  processMediaFileCache,
} from "@/lib/catalog/listener-cache/media-file-cache";
import { countFeedDownload } from "@/lib/catalog/insights/count-feed-download";
import { matchesEtag } from "@/lib/platform/http/content-etag";
import { CONTENT_LENGTH_RELAY } from "./content-length-relay";
import { mediaCacheControl } from "./media-cache-control";
import { type MediaPath, parseMediaPath } from "./media-path";

/** What serving a sermon's media needs to know about it. */
export interface SermonMediaAccess {
  churchId: string;
  slug: string;
  publishState: PublishState;
  publishAt: Date | null;
  /** Media versions whose master playlist was recorded. */
  servedVersions: number[];
}

export interface ServeMediaDeps {
  db: Db;
  storage: MediaStorage;
  now?: Date;
  /** Reuses recent lookups (the media route's, per process); without it every request asks the database. */
  accessCache?: MediaAccessCache<SermonMediaAccess>;
  /** Segments served before, kept whole (the media route's, per process); without it, storage. */
  fileCache?: MediaFileCache;
  /** Counts downloads of the feed's enclosure for insights (count-feed-download.ts); default on. */
  countDownloads?: boolean;
}

async function findSermonMediaAccess(db: Db, sermonId: string): Promise<SermonMediaAccess | null> {
  const sermon = await db.sermon.findUnique({
    where: { id: sermonId },
    select: {
      churchId: true,
      slug: true,
      publishState: true,
      publishAt: true,
      mediaAssets: { where: { kind: "master_playlist" }, select: { key: true } },
    },
  });
  if (!sermon) return null;
  const { mediaAssets, ...rest } = sermon;
  const owner = { churchId: sermon.churchId, sermonId };
  const servedVersions = mediaAssets
    .map((asset) => versionOfKey(asset.key, owner))
    .filter((version) => version !== undefined);
  return { ...rest, servedVersions };
}

const NOT_FOUND_HEADERS = { "cache-control": "no-store", "content-type": "text/plain" };
const notFound = () => new Response("Not found", { status: 404, headers: NOT_FOUND_HEADERS });

/**
 * One file of a sermon's published media, streamed from S3 with Range and ETag support; a HEAD
 * answers the same status and headers (Content-Length included: podcast apps check a feed's
 * enclosure with one) from storage's own HEAD, without reading the file.
 * Serves only allow-listed names, only for a publicly visible sermon, and only from a media
 * version whose master playlist was recorded (the current one, or the one listeners are on
 * while a newer upload is still processing); everything else is a 404. Without `deps`, this
 * process's database and storage (the media route), and its recent lookups for requests they
 * let through (lib/catalog/listener-cache/media-access-cache.ts).
 */
export async function serveSermonMedia(
  request: Request,
  sermonId: string,
  pathSegments: readonly string[],
  deps: ServeMediaDeps = {
    db: getDb(),
    storage: mediaStorage(),
    accessCache: processMediaAccessCache<SermonMediaAccess>(),
    fileCache: processMediaFileCache(),
  },
): Promise<Response> {
  const path = parseMediaPath(pathSegments);
  if (!path) return notFound();
  const now = deps.now ?? new Date();
  const isServable = (access: SermonMediaAccess) =>
    isPubliclyVisible(access, now) && access.servedVersions.includes(path.version);
  const load = () => findSermonMediaAccess(deps.db, sermonId);
  const sermon = deps.accessCache
    ? await deps.accessCache.lookup(sermonId, load, isServable)
    : await load();
  if (!sermon || !isServable(sermon)) return notFound();
  const owner = { churchId: sermon.churchId, sermonId };
  if (path.kind === "download" && deps.countDownloads !== false)
    void countFeedDownload(deps.db, request, { id: sermonId, churchId: sermon.churchId });

  const key = sermonOutputKey({ ...owner, mediaVersion: path.version }, path.file);
  const range = request.headers.get("range");
  const ifNoneMatch = request.headers.get("if-none-match");
  // Segments and the download never change under their key: GETs of them (whole or a Range)
  // are answered from memory once they were served before. A HEAD goes to storage.
  const isKeptWhole = path.kind === "init" || path.kind === "segment" || path.kind === "download";
  const fileCache = isKeptWhole && request.method === "GET" ? deps.fileCache : undefined;
  const remembered = fileCache?.get(key);
  if (remembered) return answerFromMemory(request, path, sermon.slug, remembered);

  const input = {
    Bucket: deps.storage.bucket,
    Key: key,
    ...(range?.startsWith("bytes=") ? { Range: range } : {}),
    ...(ifNoneMatch ? { IfNoneMatch: ifNoneMatch } : {}),
  };
  const isPlaylist = path.kind === "master" || path.kind === "playlist";
  // A playlist's caching depends on its text, so even a HEAD reads it (a few kB).
  const headOnly = request.method === "HEAD" && !isPlaylist;
  let object: GetObjectCommandOutput | HeadObjectCommandOutput;
  try {
    object = headOnly
      ? await deps.storage.s3.send(new HeadObjectCommand(input))
      : await deps.storage.s3.send(new GetObjectCommand(input));
  } catch (error) {
    return answerForStorageError(error);
  }

  const headers = mediaHeaders(path, sermon.slug, {
    etag: object.ETag,
    lastModified: object.LastModified,
  });
  const status = object.ContentRange ? 206 : 200;
  if (object.ContentRange) headers.set("content-range", object.ContentRange);

  const body = "Body" in object ? object.Body : undefined;
  if (isPlaylist) {
    // Playlists are a few kB; reading them whole tells a live playlist from a finished one.
    const text = (await body?.transformToString("utf8")) ?? "";
    headers.set("cache-control", mediaCacheControl(path.kind, text));
    if (request.method !== "HEAD") return new Response(text, { status, headers });
    setContentLength(headers, Buffer.byteLength(text));
    return new Response(null, { status, headers });
  }
  const fitsInMemory = (bytes: number | undefined) =>
    fileCache !== undefined && bytes !== undefined && bytes <= fileCache.maxFileBytes;
  if (fileCache && body && status === 200 && fitsInMemory(object.ContentLength)) {
    const bytes = await body.transformToByteArray();
    fileCache.set(key, { body: bytes, etag: object.ETag, lastModified: object.LastModified });
    setContentLength(headers, bytes.length);
    return new Response(bytes as Uint8Array<ArrayBuffer>, { status, headers });
  }
  if (fileCache && status === 206 && fitsInMemory(totalSizeOf(object.ContentRange))) {
    // A player's or podcast app's next ranges of this file are on their way: while this one
    // streams from storage, the whole file is read once to answer them from memory.
    void fileCache.fill(key, () => readWhole(deps.storage, key));
  }
  if (object.ContentLength !== undefined) setContentLength(headers, object.ContentLength);
  return new Response(body?.transformToWebStream() ?? null, { status, headers });
}

/** A GET of a file kept in memory: 304 on a matching ETag, a single byte range, or all of it. */
function answerFromMemory(
  request: Request,
  path: MediaPath,
  sermonSlug: string,
  file: CachedMediaFile,
): Response {
  const headers = mediaHeaders(path, sermonSlug, file);
  if (file.etag && matchesEtag(request.headers, file.etag))
    return new Response(null, { status: 304, headers });
  const size = file.body.length;
  const range = requestedRange(request, file);
  if (range === "unsatisfiable") {
    return new Response("Requested range not satisfiable", {
      status: 416,
      headers: { ...NOT_FOUND_HEADERS, "content-range": `bytes */${size}` },
    });
  }
  const body = range ? file.body.subarray(range.start, range.end + 1) : file.body;
  if (range) headers.set("content-range", `bytes ${range.start}-${range.end}/${size}`);
  setContentLength(headers, body.length);
  return new Response(streamOf(body), { status: range ? 206 : 200, headers });
}

/**
 * The kept bytes as a one-chunk stream: a Response made from bytes copies them first (a
 * profile of the bench showed that copy, of up to a MiB per range, as the route's largest own
 * cost); the kept bytes are never written to, so the answer can be a view of them.
 */
function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

/**
 * The one byte range a request asks of `file`, as storage would answer it: none (the whole
 * file) for no Range, a malformed one, several ranges or an If-Range the file no longer
 * matches; "unsatisfiable" for one starting beyond the end.
 */
function requestedRange(
  request: Request,
  file: CachedMediaFile,
): { start: number; end: number } | "unsatisfiable" | undefined {
  const header = request.headers.get("range");
  if (!header) return undefined;
  const ifRange = request.headers.get("if-range");
  if (ifRange && ifRange !== file.etag && ifRange !== file.lastModified?.toUTCString())
    return undefined;
  const ranges = parseRange(file.body.length, header, { combine: true });
  if (ranges === -1) return "unsatisfiable";
  if (ranges === -2 || ranges.type !== "bytes" || ranges.length !== 1) return undefined;
  return { start: ranges[0]!.start, end: ranges[0]!.end };
}

/** The whole file's size from a Content-Range answer (`bytes 0-99/12345`). */
function totalSizeOf(contentRange: string | undefined): number | undefined {
  const total = contentRange ? /\/(\d+)$/.exec(contentRange)?.[1] : undefined;
  return total === undefined ? undefined : Number(total);
}

async function readWhole(storage: MediaStorage, key: string): Promise<CachedMediaFile> {
  const object = await storage.s3.send(new GetObjectCommand({ Bucket: storage.bucket, Key: key }));
  if (!object.Body) throw new Error(`storage answered ${key} without a body`);
  return {
    body: await object.Body.transformToByteArray(),
    etag: object.ETag,
    lastModified: object.LastModified,
  };
}

/** The headers every answer with a media file carries (a Range adds Content-Range). */
function mediaHeaders(
  path: MediaPath,
  sermonSlug: string,
  file: { etag?: string; lastModified?: Date },
): Headers {
  const headers = new Headers({
    "content-type": mediaContentType(path.file),
    "accept-ranges": "bytes",
    "x-content-type-options": "nosniff",
  });
  if (file.etag) headers.set("etag", file.etag);
  if (file.lastModified) headers.set("last-modified", file.lastModified.toUTCString());
  if (path.kind === "download") {
    headers.set("content-disposition", `attachment; filename="${sermonSlug}.m4a"`);
  }
  if (path.kind !== "master" && path.kind !== "playlist")
    headers.set("cache-control", mediaCacheControl(path.kind));
  return headers;
}

/** Content-Length, and its relay past Next.js (see content-length-relay.ts). */
function setContentLength(headers: Headers, length: number) {
  headers.set("content-length", String(length));
  headers.set(CONTENT_LENGTH_RELAY, String(length));
}

function answerForStorageError(error: unknown): Response {
  if (!(error instanceof S3ServiceException)) throw error;
  const status = error.$metadata.httpStatusCode;
  if (status === 304) return new Response(null, { status: 304 });
  if (status === 416 || error.name === "InvalidRange") {
    return new Response("Requested range not satisfiable", {
      status: 416,
      headers: NOT_FOUND_HEADERS,
    });
  }
  if (status === 404 || error.name === "NoSuchKey") return notFound();
  throw error;
}
