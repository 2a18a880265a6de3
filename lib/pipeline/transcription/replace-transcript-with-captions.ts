import { getDb } from "@/lib/platform/db/client";
import { mediaStorage } from "@/lib/platform/storage/media-storage";
import { type ProvidedTranscript, storeProvidedTranscript } from "./store-provided-transcript";

/** An admin's caption file upload: `storeProvidedTranscript` on this process's database and storage. */
export const replaceTranscriptWithCaptions = (
  sermonRef: { churchId: string; sermonId: string },
  data: Uint8Array,
): Promise<ProvidedTranscript> =>
  storeProvidedTranscript({ db: getDb(), storage: mediaStorage() }, sermonRef, data);
