import { createHash } from "node:crypto";

/** A short, stable name for one manuscript text (empty for none): names its files and events. */
export const manuscriptDigest = (manuscript: string | null | undefined): string =>
  manuscript ? createHash("sha256").update(manuscript).digest("hex").slice(0, 16) : "none";
