import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/platform/db/client";
import { startTestServices, type TestServices } from "@/test/support/embedded-services";
import { nextListingChange } from "./next-listing-change";

let services: TestServices;
let churchId: string;
const now = new Date("2026-12-06T12:00:00Z");
const hoursFromNow = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

beforeAll(async () => {
  services = await startTestServices();
  process.env.DATABASE_URL = services.database.url;
  churchId = (await getDb().church.create({ data: { slug: "listing", name: "Listing" } })).id;
});
afterAll(async () => {
  await getDb().$disconnect();
  await services?.stop();
});

const sermon = (slug: string, data: Record<string, unknown>) =>
  getDb().sermon.create({ data: { churchId, slug, title: slug, ...data } });

describe("nextListingChange", () => {
  it("is null when only a write can change what listeners see", async () => {
    await sermon("published", { publishState: "published", status: "searchable" });
    await sermon("draft-preparing", { publishState: "draft", status: "processing" });
    await sermon("long-gone", {
      publishState: "scheduled",
      publishAt: hoursFromNow(-5),
      status: "searchable",
    });
    expect(await nextListingChange({ churchId }, now)).toBeNull();
  });

  it("is the time the next scheduled sermon goes out", async () => {
    await sermon("next-week", { publishState: "scheduled", publishAt: hoursFromNow(24 * 7) });
    await sermon("tomorrow", { publishState: "scheduled", publishAt: hoursFromNow(24) });
    expect(await nextListingChange({ churchId }, now)).toBe(hoursFromNow(24).getTime());
    expect(await nextListingChange({ slug: "next-week" }, now)).toBe(
      hoursFromNow(24 * 7).getTime(),
    );
  });

  it("is now while a sermon listeners can see has its media prepared", async () => {
    await sermon("preparing", { publishState: "published", status: "processing", mediaVersion: 1 });
    expect(await nextListingChange({ churchId }, now)).toBe(now.getTime());
    expect(await nextListingChange({ slug: "published" }, now)).toBeNull();
  });
});
