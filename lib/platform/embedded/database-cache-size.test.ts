import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { databaseCacheMb, directoryBytes } from "./database-cache-size";
import { startEmbeddedDatabase } from "./start-embedded-database";

const MB = 2 ** 20;

describe("the embedded database's cache", () => {
  it("is Postgres's 128 MB for a new or small installation", () => {
    expect(databaseCacheMb(0)).toBe(128);
    expect(databaseCacheMb(200 * MB)).toBe(128);
  });

  it("grows to half the data, in steps of 64 MB, up to 512 MB", () => {
    expect(databaseCacheMb(600 * MB)).toBe(320);
    expect(databaseCacheMb(800 * MB)).toBe(384);
    expect(databaseCacheMb(1100 * MB)).toBe(512);
    expect(databaseCacheMb(30_000 * MB)).toBe(512);
  });

  it("measures a data dir by its files, nested ones included, and a missing one as empty", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "selah-cache-size-"));
    expect(directoryBytes(path.join(dir, "missing"))).toBe(0);
    mkdirSync(path.join(dir, "base", "5"), { recursive: true });
    writeFileSync(path.join(dir, "PG_VERSION"), "17\n");
    writeFileSync(path.join(dir, "base", "5", "1259"), Buffer.alloc(8192));
    expect(directoryBytes(dir)).toBe(3 + 8192);
    rmSync(dir, { recursive: true, force: true });
  });

  it("is what a started database runs with, beside the data dir's own settings", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "selah-cache-db-"));
    const database = await startEmbeddedDatabase({ dataDir: path.join(dir, "pglite"), port: 0 });
    const client = new pg.Client({ connectionString: database.url });
    try {
      await client.connect();
      const { rows } = await client.query(
        `SELECT current_setting('shared_buffers') AS cache, current_setting('TimeZone') AS zone,
          current_setting('default_text_search_config') AS words`,
      );
      expect(rows[0]).toEqual({ cache: "128MB", zone: "UTC", words: "pg_catalog.english" });
      expect(database.cacheMb).toBe(128);
    } finally {
      await client.end();
      await database.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
