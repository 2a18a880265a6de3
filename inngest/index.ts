import type { InngestFunction } from "inngest";
import { processSermon } from "./functions/process-sermon";
import { indexSermonFunction } from "./functions/index-sermon";
import { sweepStuckSermons } from "./functions/sweep-stuck-sermons";
import { transcribeSermon } from "./functions/transcribe-sermon";
import { importFeed } from "./functions/import-feed";
import { syncFeeds } from "./functions/sync-feeds";
import { notifyChurchAdminsFunction } from "./functions/notify-church-admins";
import { rollUpListeningFunction } from "./functions/roll-up-listening";
import { alignManuscript } from "./functions/align-manuscript";

/** Every function Selah serves; app/api/inngest/route.ts hands this list to `serve`. */
export const functions: InngestFunction.Any[] = [
  processSermon,
  sweepStuckSermons,
  indexSermonFunction,
  transcribeSermon,
  importFeed,
  syncFeeds,
  notifyChurchAdminsFunction,
  rollUpListeningFunction,
  alignManuscript,
];
