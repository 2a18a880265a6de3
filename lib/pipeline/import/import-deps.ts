import { type ImportEnv, importEnv } from "@/lib/platform/config/import-env";
import { type Db, getDb } from "@/lib/platform/db/client";
import { type MediaStorage, mediaStorage } from "@/lib/platform/storage/media-storage";

/** What an import works with: the database, the media bucket and where it may fetch from. */
export interface ImportDeps {
  db: Db;
  storage: MediaStorage;
  env: ImportEnv;
}

/** This process's database, bucket and IMPORT_* settings. */
export const serverImportDeps = (): ImportDeps => ({
  db: getDb(),
  storage: mediaStorage(),
  env: importEnv(),
});

/** The safe-fetch settings every fetch of an import shares. */
export const fetchSettings = (env: ImportEnv) => ({ allowedHosts: env.IMPORT_ALLOWED_HOSTS });
