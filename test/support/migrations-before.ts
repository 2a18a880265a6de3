import { cpSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** A folder with the migrations up to (not including) `name`, as an existing database has them. */
export function migrationsBefore(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "selah-migrations-"));
  for (const entry of readdirSync("prisma/migrations")) {
    if (entry < name)
      cpSync(path.join("prisma/migrations", entry), path.join(dir, entry), { recursive: true });
  }
  return dir;
}
