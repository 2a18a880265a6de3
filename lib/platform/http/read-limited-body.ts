/**
 * Reads a request body up to `limit` bytes and one more, then stops: enough for the caption
 * parser to report where the limit was crossed, without buffering an arbitrarily large upload.
 */
export async function readLimitedBody(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<Uint8Array> {
  if (!body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  try {
    while (size <= limit) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const data = new Uint8Array(Math.min(size, limit + 1));
  let offset = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, data.length - offset);
    data.set(part, offset);
    offset += part.length;
    if (offset >= data.length) break;
  }
  return data;
}
