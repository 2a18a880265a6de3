import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";

/**
 * Copies the engine's SQLite store with `VACUUM INTO`: SQLite writes one consistent snapshot
 * (a read transaction) while the engine keeps writing through WAL. Returns false when the
 * engine has never run here (no store yet).
 */
export async function snapshotEngine(storeFile: string, targetFile: string): Promise<boolean> {
  if (!existsSync(storeFile)) return false;
  await mkdir(path.dirname(targetFile), { recursive: true });
  const db = new DatabaseSync(storeFile, { readOnly: true, timeout: 10_000 });
  try {
    db.exec(`VACUUM INTO '${targetFile.replaceAll("'", "''")}'`);
  } finally {
    db.close();
  }
  return true;
}
