import { open, stat } from "node:fs/promises";
import path from "node:path";
import { DETECTION_BYTES, detectMedia } from "./accepted-media";
import { notMediaReason } from "./complete-upload";
import { formatBytes } from "@/lib/platform/text/format";
import { UploadRejectedError } from "./upload-errors";

/** A recording on this machine that the upload will take, by its size and first bytes. */
export interface LocalMediaFile {
  path: string;
  /** Its name, as a browser would announce it. */
  fileName: string;
  size: number;
}

/**
 * Judges a recording on this machine the way the upload judges what a browser sends, before
 * anything is created for it: its size against the limit, then its first bytes by content
 * (`detectMedia`, completion's check, with completion's messages). The audio check in the
 * pipeline still reads all of it.
 */
export async function checkLocalMediaFile(
  filePath: string,
  maxBytes: number,
): Promise<LocalMediaFile> {
  const fileName = path.basename(filePath);
  const size = await sizeOf(filePath);
  if (size === 0) throw new UploadRejectedError(`${filePath} is empty.`);
  if (size > maxBytes)
    throw new UploadRejectedError(
      `${filePath} is ${formatBytes(size)}; the limit is ${formatBytes(maxBytes)} (UPLOAD_MAX_BYTES).`,
    );
  const head = Buffer.alloc(Math.min(size, DETECTION_BYTES));
  const handle = await open(filePath, "r").catch((error: unknown) => {
    throw unreadable(filePath, error);
  });
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  const detected = await detectMedia(head, fileName);
  if (detected.kind !== "media") throw new UploadRejectedError(notMediaReason(fileName, detected));
  return { path: filePath, fileName, size };
}

async function sizeOf(filePath: string): Promise<number> {
  const info = await stat(filePath).catch((error: unknown) => {
    throw unreadable(filePath, error);
  });
  if (!info.isFile()) throw new UploadRejectedError(`${filePath} is not a file.`);
  return info.size;
}

function unreadable(filePath: string, error: unknown): UploadRejectedError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR")
    return new UploadRejectedError(`There is no file ${filePath}.`);
  if (code === "EACCES" || code === "EPERM")
    return new UploadRejectedError(`${filePath} cannot be read (permission denied).`);
  return new UploadRejectedError(
    `${filePath} cannot be read: ${error instanceof Error ? error.message : String(error)}`,
  );
}
