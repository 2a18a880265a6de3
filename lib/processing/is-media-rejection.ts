/**
 * True when a run ended because the upload itself is unusable (MediaRejectedError), also when
 * wrapped (NonRetriableError) and after Inngest's serialisation, which keeps names and causes
 * but not classes.
 */
export function isMediaRejection(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof Error && current.name === "MediaRejectedError") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
