import { rmSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestServices, type TestServices } from "@/test/support/embedded-services";
import { migrationsBefore } from "@/test/support/migrations-before";
import { migrate } from "./migrate";

const PIPELINE_STAGES = "20261206000000_pipeline_stages";
let services: TestServices;
let before: string;

beforeAll(async () => {
  services = await startTestServices({ migrate: false });
  before = migrationsBefore(PIPELINE_STAGES);
});
afterAll(async () => {
  await services?.stop();
  rmSync(before, { recursive: true, force: true });
});

it("maps the free-text failed stages onto the stage enum and makes rejected files a status", async () => {
  await migrate(services.database.url, before);
  const client = new pg.Client({ connectionString: services.database.url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "Church" (id, slug, name, "updatedAt") VALUES ('c1', 'one', 'One', now())`,
    );
    // Every spelling earlier writers used, and a sermon that never failed.
    const rows: [string, string, string | null][] = [
      ["s1", "failed", "Audio check"],
      ["s2", "failed", "Processing"],
      ["s3", "failed", "transcription"],
      ["s4", "failed", "Transcription"],
      ["s5", "failed", "Indexing"],
      ["s6", "failed", "Search indexing"],
      ["s7", "searchable", null],
    ];
    for (const [id, status, stage] of rows) {
      await client.query(
        `INSERT INTO "Sermon" (id, "churchId", slug, title, status, "failedStage", "updatedAt") VALUES ($1, 'c1', $1, $1, $2, $3, now())`,
        [id, status, stage],
      );
    }

    expect((await migrate(services.database.url)).applied[0]).toBe(PIPELINE_STAGES);
    const { rows: migrated } = await client.query(
      `SELECT id, status::text, "failedStage"::text FROM "Sermon" ORDER BY id`,
    );
    expect(migrated).toEqual([
      { id: "s1", status: "rejected", failedStage: "audio_check" },
      { id: "s2", status: "failed", failedStage: "transcode" },
      { id: "s3", status: "failed", failedStage: "transcribe" },
      { id: "s4", status: "failed", failedStage: "transcribe" },
      { id: "s5", status: "failed", failedStage: "index" },
      { id: "s6", status: "failed", failedStage: "index" },
      { id: "s7", status: "searchable", failedStage: null },
    ]);
    await expect(
      client.query(`UPDATE "Sermon" SET "failedStage" = 'Processing' WHERE id = 's2'`),
    ).rejects.toThrow(/invalid input value for enum/);
  } finally {
    await client.end();
  }
});
