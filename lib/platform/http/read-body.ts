import { AppError } from "@/lib/platform/errors/app-error";

/** "4 KB", "64 KB", "50 MB": a limit as a person reads it. */
const formatBytes = (bytes: number): string =>
  bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0
    ? `${bytes / 1024 / 1024} MB`
    : bytes >= 1024 && bytes % 1024 === 0
      ? `${bytes / 1024} KB`
      : `${bytes} bytes`;

const tooLarge = (maxBytes: number) =>
  new AppError(
    "payload_too_large",
    `The request body is larger than this endpoint accepts (${formatBytes(maxBytes)}); send less.`,
    { details: { maxBytes } },
  );

/**
 * A route handler's request body, read up to `maxBytes` and no further. A declared
 * Content-Length over the limit is refused before a byte is read; a body without one (chunked)
 * is counted as it streams and refused as soon as it crosses the limit, and the rest is never
 * read. Either way: AppError `payload_too_large` (413). Every route handler that reads a body
 * reads it through this (or readJsonBody), so nothing buffers an arbitrarily large request.
 */
export async function readBody(
  request: Request,
  options: { maxBytes: number },
): Promise<Uint8Array> {
  const { maxBytes } = options;
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    throw tooLarge(maxBytes);
  }
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw tooLarge(maxBytes);
      chunks.push(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    reader.releaseLock();
  }
  const data = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    data.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return data;
}
