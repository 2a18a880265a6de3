import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sermonUploaded } from "@/lib/pipeline/events/pipeline-events";
import { createDb, type Db } from "@/lib/platform/db/client";
import { publishEvent } from "@/lib/pipeline/events/publish-event";
import { startTestServices, type TestServices } from "@/test/support/embedded-services";
import { republishStuckSermons } from "./republish-stuck-sermons";

let services: TestServices;
let db: Db;
beforeAll(async () => {
  services = await startTestServices();
  db = createDb(services.database.url, 2);
});
afterAll(async () => {
  await db?.$disconnect();
  await services?.stop();
});

const HOUR = 3_600_000;
const options = { stuckAfterMs: HOUR, maxResends: 2 };

describe("republishStuckSermons", () => {
  it("re-publishes each stuck stage's event with a stable retry id, then fails the sermon", async () => {
    const church = await db.church.create({ data: { slug: "sweep", name: "Sweep" } });
    const longAgo = new Date(Date.now() - 2 * HOUR);
    const sermon = (
      slug: string,
      status: "processing" | "streamable" | "transcribed" | "searchable",
      updatedAt = longAgo,
    ) =>
      db.sermon.create({
        data: { churchId: church.id, slug, title: slug, status, mediaVersion: 3, updatedAt },
      });
    const processing = await sermon("processing", "processing");
    const uploaded = sermonUploaded.build({
      sermonId: processing.id,
      churchId: church.id,
      mediaVersion: 3,
      objectKey: "k/original",
    });
    await publishEvent(db, uploaded);
    const streamable = await sermon("streamable", "streamable");
    const transcribed = await sermon("transcribed", "transcribed");
    const transcript = await db.transcript.create({
      data: { sermonId: transcribed.id, provider: "test" },
    });
    const orphan = await sermon("orphan", "processing");
    await sermon("fresh", "streamable", new Date());
    await sermon("done", "searchable");
    const awaitingCaptions = await db.sermon.update({
      where: { id: (await sermon("captions", "streamable")).id },
      data: { transcriptionProvider: "provided", updatedAt: longAgo },
    });

    const first = await republishStuckSermons(db, options);
    expect(first.republished).toEqual(
      expect.arrayContaining([
        { sermonId: processing.id, eventId: `${uploaded.id}:retry-1` },
        {
          sermonId: streamable.id,
          eventId: `sermon-transcription-requested:${streamable.id}:v3:retry-1`,
        },
        { sermonId: transcribed.id, eventId: `sermon-transcribed:${transcribed.id}:v3:retry-1` },
      ]),
    );
    expect(first.republished).toHaveLength(3);
    expect(first.skipped).toEqual([
      { sermonId: orphan.id, reason: "its sermon/uploaded event is not in the outbox" },
    ]);
    const resent = await db.outbox.findUnique({ where: { eventId: `${uploaded.id}:retry-1` } });
    expect(resent?.payload).toEqual(uploaded.data);
    expect(
      (
        await db.outbox.findUnique({
          where: { eventId: `sermon-transcribed:${transcribed.id}:v3:retry-1` },
        })
      )?.payload,
    ).toMatchObject({ transcriptId: transcript.id });

    // Their clocks restarted: a sweep right away finds nothing new.
    expect((await republishStuckSermons(db, options)).republished).toEqual([]);

    const later = (hours: number) => ({ ...options, now: new Date(Date.now() + hours * HOUR) });
    expect(
      (await republishStuckSermons(db, later(1.5))).republished.map((r) => r.eventId),
    ).toContain(`${uploaded.id}:retry-2`);
    const third = await republishStuckSermons(db, later(3));
    expect(third.failed).toEqual(
      expect.arrayContaining([processing.id, streamable.id, transcribed.id]),
    );
    expect(third.failed).not.toContain(awaitingCaptions.id);
    const failed = await db.sermon.findUniqueOrThrow({ where: { id: processing.id } });
    expect(failed).toMatchObject({ status: "failed", failedStage: "transcode" });
    expect(failed.failureReason).toMatch(/after 2 automatic restarts/);
    expect(
      await db.outbox.count({
        where: { eventId: { startsWith: `sermon-failed:${processing.id}:v3` } },
      }),
    ).toBe(1);
  });
});
