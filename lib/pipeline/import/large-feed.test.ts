import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServices, testAwsEnv, type TestServices } from "@/test/support/embedded-services";
import {
  type FixtureServer,
  serveBytes,
  startFixtureServer,
} from "@/test/support/fixture-http-server";
import { podcastFeedXml } from "@/test/support/podcast-feed";
import { createDb, type Db } from "@/lib/platform/db/client";
import { parseAllowedHosts } from "@/lib/platform/net/allowed-hosts";
import { createS3Client } from "@/lib/platform/storage/s3-client";
import type { ImportDeps } from "./import-deps";
import { runFeedImport } from "./run-feed-import";
import { startFeedImport } from "./start-feed-import";

const ITEMS = 10_000;

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const heapAfterGc = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

let services: TestServices;
let db: Db;
let fixture: FixtureServer;
let deps: ImportDeps;
let feedBytes: number;

beforeAll(async () => {
  services = await startTestServices();
  db = createDb(services.database.url);
  fixture = await startFixtureServer();
  // Every item's audio is gone (404): each one is fetched, fails fast and is recorded.
  const xml = podcastFeedXml(
    "Ten Thousand Sermons",
    Array.from({ length: ITEMS }, (_, i) => ({
      title: `Sermon ${i + 1}`,
      guid: `sermon-${i + 1}`,
      enclosureUrl: `${fixture.origin}/audio/${i + 1}.mp3`,
      pubDate: new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toUTCString(),
      description: `<p>Sermon number ${i + 1}, on a passage chosen for the day.</p>`,
      person: `Speaker ${i % 7}`,
    })),
  );
  feedBytes = Buffer.byteLength(xml);
  fixture.route("/feed.xml", serveBytes(xml, "application/rss+xml"));
  deps = {
    db,
    storage: { s3: createS3Client(testAwsEnv(services.aws.endpoint)), bucket: "media" },
    env: { IMPORT_ALLOWED_HOSTS: parseAllowedHosts(fixture.host), IMPORT_MAX_BYTES: 1024 ** 3 },
  };
});

afterAll(async () => {
  await fixture?.stop();
  await db?.$disconnect();
  await services?.stop();
});

describe("a feed of 10,000 items", () => {
  it(
    "is recorded and imported page by page in bounded memory",
    async () => {
      const church = await db.church.create({ data: { slug: "large", name: "Large" } });
      const { importId } = await startFeedImport(
        db,
        church.id,
        { url: `${fixture.origin}/feed.xml` },
        "cli",
      );
      const before = heapAfterGc();
      let peak = before;
      // What the import holds, not garbage waiting for a collection: sampled after one.
      const sampler = setInterval(() => {
        peak = Math.max(peak, heapAfterGc());
      }, 2_000);
      let reported = 0;
      let lastPosition = -1;
      let isInOrder = true;
      const summary = await runFeedImport(deps, importId, (outcome) => {
        reported++;
        const position = Number(outcome.guid.slice("sermon-".length)) - 1;
        isInOrder &&= position === lastPosition + 1;
        lastPosition = position;
      }).finally(() => clearInterval(sampler));
      const after = heapAfterGc();

      expect(summary).toMatchObject({ itemCount: ITEMS, imported: 0, skipped: 0, failed: ITEMS });
      expect(reported).toBe(ITEMS);
      expect(isInOrder).toBe(true);
      expect(fixture.connections).toBeGreaterThanOrEqual(ITEMS);
      expect(await db.feedItem.count({ where: { importId, state: "failed" } })).toBe(ITEMS);

      const MB = 1024 * 1024;
      console.log(
        `feed ${(feedBytes / MB).toFixed(1)} MB; heap before ${(before / MB).toFixed(0)} MB, peak +${((peak - before) / MB).toFixed(0)} MB, after +${((after - before) / MB).toFixed(1)} MB`,
      );
      // Loosely: the parsed feed is the largest thing held (tens of MB for 10,000 items), and
      // nothing per item stays behind once the import is done.
      expect(peak - before).toBeLessThan(150 * MB);
      expect(after - before).toBeLessThan(25 * MB);
    },
    10 * 60_000,
  );
});
