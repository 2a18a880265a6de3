import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MASTER_PLAYLIST_NAME, sermonOutputKey } from "@/lib/catalog/sermons/sermon-version";
import type { Db } from "@/lib/platform/db/client";
import { type ChurchDatabase, startChurchDatabase } from "@/test/support/church-database";
import { findNextInSeries, listPlayableSermons } from "./playable-sermons";

let database: ChurchDatabase;
let db: Db;
let churchId: string;
let seriesId: string;

beforeAll(async () => {
  database = await startChurchDatabase("player");
  ({ db, churchId } = database);
  seriesId = (await db.series.create({ data: { churchId, slug: "psalms", title: "Psalms" } })).id;
}, 120_000);
afterAll(async () => {
  await database?.stop();
});

async function sermon(
  slug: string,
  {
    preachedOn = null,
    publishState = "published",
    hasMedia = true,
    inSeries = true,
  }: {
    preachedOn?: string | null;
    publishState?: "published" | "draft";
    hasMedia?: boolean;
    inSeries?: boolean;
  } = {},
) {
  const row = await db.sermon.create({
    data: {
      churchId,
      slug,
      title: `Title of ${slug}`,
      status: "searchable",
      publishState,
      mediaVersion: hasMedia ? 1 : 0,
      durationMs: 60_000,
      preachedOn: preachedOn ? new Date(`${preachedOn}T00:00:00Z`) : null,
      seriesId: inSeries ? seriesId : null,
    },
  });
  if (hasMedia)
    await db.mediaAsset.create({
      data: {
        sermonId: row.id,
        kind: "master_playlist",
        key: sermonOutputKey({ churchId, sermonId: row.id, mediaVersion: 1 }, MASTER_PLAYLIST_NAME),
        contentType: "application/vnd.apple.mpegurl",
      },
    });
  return row.id;
}

describe("the player's sermons", () => {
  it("lists the playable ones in the order asked, leaving the others out", async () => {
    const first = await sermon("first", { preachedOn: "2025-01-05" });
    const draft = await sermon("draft", { publishState: "draft" });
    const silent = await sermon("silent", { hasMedia: false });
    const last = await sermon("last", { preachedOn: "2025-01-12", inSeries: false });
    const found = await listPlayableSermons([last, draft, "no-such-id", silent, first, last], {
      db,
    });
    expect(found.map((s) => s.id)).toEqual([last, first]);
    expect(found[1]).toEqual({
      id: first,
      title: "Title of first",
      speaker: null,
      church: "player",
      series: "Psalms",
      href: "/churches/player/sermons/first",
      streamUrl: `/media/${first}/v1/master.m3u8`,
      downloadUrl: null,
      durationMs: 60_000,
    });
    expect(await listPlayableSermons([], { db })).toEqual([]);
  });

  it("finds the series' next sermon by the day preached, skipping what cannot be played", async () => {
    const one = await db.sermon.findFirstOrThrow({ where: { slug: "first" } });
    // Preached between, but a draft: skipped.
    await sermon("unpublished-second", { preachedOn: "2025-01-08", publishState: "draft" });
    const third = await sermon("third", { preachedOn: "2025-01-19" });
    const second = await sermon("second", { preachedOn: "2025-01-12" });
    expect((await findNextInSeries(one.id, { db }))?.id).toBe(second);
    expect((await findNextInSeries(second, { db }))?.id).toBe(third);
    // The series' last, a sermon in none, and one listeners cannot play: none.
    const undated = await sermon("undated");
    expect((await findNextInSeries(third, { db }))?.id).toBe(undated);
    expect(await findNextInSeries(undated, { db })).toBeNull();
    const outside = await db.sermon.findFirstOrThrow({ where: { slug: "last" } });
    expect(await findNextInSeries(outside.id, { db })).toBeNull();
    const draft = await db.sermon.findFirstOrThrow({ where: { slug: "draft" } });
    expect(await findNextInSeries(draft.id, { db })).toBeNull();
  });
});
