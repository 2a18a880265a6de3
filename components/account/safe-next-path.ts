/** Where to go after signing in: a path on this site only, never another site (`//host`). */
export const safeNextPath = (next: string | null | undefined, fallback = "/"): string =>
  next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\")
    ? next
    : fallback;
