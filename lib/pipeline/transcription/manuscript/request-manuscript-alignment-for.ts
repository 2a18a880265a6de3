import { getDb } from "@/lib/platform/db/client";
import { requestManuscriptAlignment } from "./request-manuscript-alignment";

/** For admin actions: `requestManuscriptAlignment` on this process's database. */
export const requestManuscriptAlignmentFor = (sermonRef: { churchId: string; sermonId: string }) =>
  requestManuscriptAlignment(getDb(), sermonRef);
