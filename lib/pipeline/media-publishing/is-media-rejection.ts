/**
 * The MediaRejectedError a run ended with (the upload itself is unusable), also when wrapped
 * (NonRetriableError) and after Inngest's serialisation, which keeps names and causes but not
 * classes.
 */
export function findMediaRejection(error: unknown): Error | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof Error && current.name === "MediaRejectedError") return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export const isMediaRejection = (error: unknown) => findMediaRejection(error) !== undefined;
