import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/platform/db/client";
import { startTestServices, type TestServices } from "@/test/support/embedded-services";

let services: TestServices;
let clients: Db[];

beforeAll(async () => {
  services = await startTestServices();
  clients = [createDb(services.database.url, 3), createDb(services.database.url, 3)];
});
afterAll(async () => {
  await Promise.all(clients.map((db) => db.$disconnect()));
  await services.stop();
});

// Without holdSessionUntilSync this failed with "bind message supplies 3 parameters, but
// prepared statement "" requires 2", wrong rows, or hung.
it("serves concurrent reads and transactions from several clients, each its own answers", async () => {
  const [first, second] = clients as [Db, Db];
  const church = await first.church.create({ data: { slug: "c", name: "C" } });
  const sermon = await first.sermon.create({
    data: { slug: "s", title: "S", churchId: church.id },
  });
  const rounds = 25;
  const reads = async (db: Db) => {
    for (let i = 0; i < rounds; i++) {
      expect((await db.sermon.findUniqueOrThrow({ where: { id: sermon.id } })).slug).toBe("s");
      expect(
        await db.church.findMany({ where: { slug: "c", name: "C", id: church.id } }),
      ).toHaveLength(1);
    }
  };
  const writes = async (db: Db) => {
    for (let i = 0; i < rounds; i++) {
      await db.$transaction(async (tx) => {
        await tx.sermon.updateMany({
          where: { id: sermon.id, churchId: church.id, mediaVersion: 0 },
          data: { durationMs: i },
        });
        await tx.mediaAsset.upsert({
          where: { sermonId_key: { sermonId: sermon.id, key: "k" } },
          create: {
            sermonId: sermon.id,
            kind: "waveform",
            key: "k",
            contentType: "application/json",
          },
          update: { bytes: BigInt(i) },
        });
      });
    }
  };
  await Promise.all([reads(first), writes(second), reads(second), writes(first)]);
  expect(await first.mediaAsset.count({ where: { sermonId: sermon.id } })).toBe(1);
});
