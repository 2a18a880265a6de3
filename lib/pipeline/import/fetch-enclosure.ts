import { Readable } from "node:stream";
import { Upload } from "@aws-sdk/lib-storage";
import type { SermonRef } from "@/lib/catalog/sermons/sermon-version";
import {
  DETECTION_BYTES,
  detectMedia,
  type DetectedMedia,
} from "@/lib/pipeline/upload/accepted-media";
import { notMediaReason } from "@/lib/pipeline/upload/complete-upload";
import type { StoredOriginal } from "@/lib/pipeline/upload/record-new-original";
import { originalKey } from "@/lib/pipeline/upload/upload-keys";
import type { ImportEnv } from "@/lib/platform/config/import-env";
import { FetchRefusedError } from "@/lib/platform/net/fetch-errors";
import { type SafeResponse, safeFetch, shown } from "@/lib/platform/net/safe-fetch";
import type { MediaStorage } from "@/lib/platform/storage/media-storage";
import { fetchSettings } from "./import-deps";

/** An enclosure whose answer has arrived and whose first bytes are media Selah reads. */
export interface OpenedEnclosure {
  response: SafeResponse;
  /** The first bytes, already read from the body (at least DETECTION_BYTES, or the whole file). */
  head: Buffer;
  fileName: string;
  media: Extract<DetectedMedia, { kind: "media" }>;
}

/**
 * Starts fetching an item's audio and judges it by its first bytes as an upload's completion
 * does (`detectMedia`): refused before anything is stored when it is not media Selah reads.
 * A larger announced size than IMPORT_MAX_BYTES is refused before the download starts.
 */
export async function openEnclosure(url: string, env: ImportEnv): Promise<OpenedEnclosure> {
  const response = await safeFetch(url, {
    ...fetchSettings(env),
    maxBytes: env.IMPORT_MAX_BYTES,
    maxBytesSetting: "IMPORT_MAX_BYTES",
    accept: "audio/*, video/*;q=0.9, */*;q=0.5",
  });
  const fileName = fileNameOf(response.url);
  const iterator = response.body[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let length = 0;
  while (length < DETECTION_BYTES) {
    const next = await iterator.next();
    if (next.done) break;
    chunks.push(next.value as Buffer);
    length += (next.value as Buffer).length;
  }
  const head = Buffer.concat(chunks);
  const detected = await detectMedia(head.subarray(0, DETECTION_BYTES), fileName);
  if (detected.kind !== "media") {
    response.body.destroy();
    throw new FetchRefusedError(
      `${shown(response.url)} is not audio Selah reads: ${notMediaReason(fileName, detected)}`,
    );
  }
  // The rest of the body continues from the same iterator.
  const rest = Readable.from({ [Symbol.asyncIterator]: () => iterator });
  return { response: { ...response, body: rest }, head, fileName, media: detected };
}

// Parts of 8 MiB, two in flight: at most ~16 MiB of a recording is in memory at once.
const PART_BYTES = 8 * 1024 * 1024;

/**
 * Streams the opened enclosure into storage as the sermon's original, where an upload puts it
 * (`originalKey` of the sermon's next version, named and typed as what it is). `onProgress`
 * hears the bytes received so far. Returns what `recordNewOriginal` records.
 */
export async function storeEnclosure(
  storage: MediaStorage,
  opened: OpenedEnclosure,
  ref: SermonRef & { nextVersion: number },
  onProgress: (bytes: number) => void,
): Promise<StoredOriginal> {
  const key = originalKey(
    ref.churchId,
    ref.sermonId,
    ref.nextVersion,
    opened.fileName,
    opened.media.extension,
  );
  let bytes = 0;
  async function* counted() {
    bytes = opened.head.length;
    yield opened.head;
    for await (const chunk of opened.response.body) {
      bytes += (chunk as Buffer).length;
      onProgress(bytes);
      yield chunk as Buffer;
    }
  }
  const upload = new Upload({
    client: storage.s3,
    params: {
      Bucket: storage.bucket,
      Key: key,
      Body: Readable.from(counted()),
      ContentType: opened.media.contentType,
    },
    partSize: PART_BYTES,
    queueSize: 2,
  });
  await upload.done();
  onProgress(bytes);
  return { key, contentType: opened.media.contentType, bytes: BigInt(bytes) };
}

/** The last path segment of the URL, as a name detection may take an extension from. */
function fileNameOf(url: URL): string {
  const last = url.pathname.split("/").filter(Boolean).at(-1) ?? "";
  try {
    return decodeURIComponent(last) || "audio";
  } catch {
    return last || "audio";
  }
}
