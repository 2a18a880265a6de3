import { rmSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestServices, type TestServices } from "@/test/support/embedded-services";
import { migrationsBefore } from "@/test/support/migrations-before";
import { migrate } from "./migrate";

const SPEAKER_SLUGS = "20261128040000_speaker_slugs";
let services: TestServices;
let before: string;

beforeAll(async () => {
  services = await startTestServices({ migrate: false });
  before = migrationsBefore(SPEAKER_SLUGS);
});
afterAll(async () => {
  await services?.stop();
  rmSync(before, { recursive: true, force: true });
});

it("gives existing speakers slugs from their names, distinct within each church", async () => {
  await migrate(services.database.url, before);
  const client = new pg.Client({ connectionString: services.database.url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "Church" (id, slug, name, "updatedAt") VALUES ('c1', 'one', 'One', now()), ('c2', 'two', 'Two', now())`,
    );
    await client.query(`INSERT INTO "Speaker" (id, "churchId", name, "createdAt", "updatedAt") VALUES
      ('s1', 'c1', 'Pastor Ruth Okafor', now() - interval '2 days', now()),
      ('s2', 'c1', 'pastor ruth okafor!', now() - interval '1 day', now()),
      ('s3', 'c2', 'Pastor Ruth Okafor', now(), now()),
      ('s4', 'c2', '???', now(), now())`);

    expect((await migrate(services.database.url)).applied[0]).toBe(SPEAKER_SLUGS);
    const { rows } = await client.query<{ id: string; slug: string }>(
      `SELECT id, slug FROM "Speaker" ORDER BY id`,
    );
    expect(rows).toEqual([
      { id: "s1", slug: "pastor-ruth-okafor" },
      { id: "s2", slug: "pastor-ruth-okafor-s2" },
      { id: "s3", slug: "pastor-ruth-okafor" },
      { id: "s4", slug: "speaker" },
    ]);
    await expect(
      client.query(
        `INSERT INTO "Speaker" (id, "churchId", slug, name, "updatedAt") VALUES ('s5', 'c1', 'pastor-ruth-okafor', 'Other', now())`,
      ),
    ).rejects.toThrow(/unique/);
  } finally {
    await client.end();
  }
});
