import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildMigratedTemplate, MIGRATED_TEMPLATE_ENV } from "./migrated-database";

/** Vitest global setup: one migrated database for every test file to copy (see migrated-database). */
export default async function setup() {
  const root = mkdtempSync(path.join(tmpdir(), "selah-test-template-"));
  // Test workers are forked after this runs, so they inherit it.
  process.env[MIGRATED_TEMPLATE_ENV] = await buildMigratedTemplate(root);
  return () => rmSync(root, { recursive: true, force: true });
}
