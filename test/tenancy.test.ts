import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  authorizeChurch,
  ChurchNotFoundError,
  RoleRequiredError,
} from "@/lib/platform/auth/church-access";
import { createAdmin, WeakPasswordError } from "@/lib/platform/auth/create-admin";
import { createAuth } from "@/lib/platform/auth/create-auth";
import { createDb, type Db } from "@/lib/platform/db/client";
import { deleteSeries, saveSeries } from "@/lib/catalog/series/series";
import { saveSermon } from "@/lib/catalog/sermons/save-sermon";
import { sermonInputSchema } from "@/lib/catalog/sermons/sermon-input";
import { deleteSpeaker, saveSpeaker } from "@/lib/catalog/speakers/speakers";
import { FormError } from "@/lib/platform/validation/form-result";
import { startTestServices, type TestServices } from "./support/embedded-services";

let services: TestServices;
let db: Db;
let a: { userId: string; churchId: string };
let b: { userId: string; churchId: string };
let editor: { userId: string };

const sermon = (overrides: Record<string, string> = {}) =>
  sermonInputSchema.parse({
    title: "Hope",
    speakerId: "",
    seriesId: "",
    preachedOn: "2026-11-22",
    scripture: "",
    publishState: "draft",
    ...overrides,
  });

beforeAll(async () => {
  services = await startTestServices();
  db = createDb(services.database.url);
  a = await createAdmin(db, {
    email: "a@one.example",
    password: "password-one-1",
    churchSlug: "one",
    role: "owner",
  });
  b = await createAdmin(db, {
    email: "b@two.example",
    password: "password-two-2",
    churchSlug: "two",
    role: "owner",
  });
  editor = await createAdmin(db, {
    email: "e@one.example",
    password: "password-edit-3",
    churchSlug: "one",
    role: "editor",
  });
});
afterAll(async () => {
  await db?.$disconnect();
  await services?.stop();
});

describe("church access", () => {
  it("lets members in with their role", async () => {
    expect(await authorizeChurch(db, a.userId, "one", "owner")).toMatchObject({
      role: "owner",
      church: { slug: "one" },
    });
    expect(await authorizeChurch(db, editor.userId, "one", "editor")).toMatchObject({
      role: "editor",
    });
  });

  it("answers another church as not found, and a missing role as forbidden", async () => {
    await expect(authorizeChurch(db, a.userId, "two", "editor")).rejects.toBeInstanceOf(
      ChurchNotFoundError,
    );
    await expect(authorizeChurch(db, a.userId, "no-such-church", "editor")).rejects.toBeInstanceOf(
      ChurchNotFoundError,
    );
    await expect(authorizeChurch(db, editor.userId, "one", "admin")).rejects.toBeInstanceOf(
      RoleRequiredError,
    );
  });
});

describe("an admin of one church can change nothing of another", () => {
  it("cannot edit another church's sermon or attach its speaker or series", async () => {
    const theirSpeaker = await saveSpeaker(db, b.churchId, null, { name: "Theirs", bio: "" });
    const theirSeries = await saveSeries(db, b.churchId, null, {
      title: "Their series",
      description: "",
    });
    const theirSermon = await saveSermon(db, b.churchId, null, sermon());
    await expect(
      saveSermon(db, a.churchId, theirSermon, sermon({ title: "Hijacked" })),
    ).rejects.toThrow("does not exist in this church");
    const attach = saveSermon(
      db,
      a.churchId,
      null,
      sermon({ speakerId: theirSpeaker, seriesId: theirSeries }),
    );
    await expect(attach).rejects.toBeInstanceOf(FormError);
    await expect(attach).rejects.toMatchObject({
      fieldErrors: { speakerId: expect.any(Array), seriesId: expect.any(Array) },
    });
    await expect(
      saveSpeaker(db, a.churchId, theirSpeaker, { name: "Renamed", bio: "" }),
    ).rejects.toBeInstanceOf(FormError);
    await expect(deleteSpeaker(db, a.churchId, theirSpeaker)).rejects.toBeInstanceOf(FormError);
    await expect(deleteSeries(db, a.churchId, theirSeries)).rejects.toBeInstanceOf(FormError);
    expect(await db.sermon.findUniqueOrThrow({ where: { id: theirSermon } })).toMatchObject({
      title: "Hope",
    });
    expect(await db.speaker.count({ where: { id: theirSpeaker } })).toBe(1);
  });
});

describe("sermon form", () => {
  it("stores scripture as ranges and shows them back normalised", async () => {
    const id = await saveSermon(db, a.churchId, null, sermon({ scripture: "John 3:16-21; Rom 8" }));
    const refs = await db.scriptureRef.findMany({
      where: { sermonId: id },
      orderBy: { startKey: "asc" },
    });
    expect(refs.map((ref) => [ref.text, ref.startKey, ref.endKey])).toEqual([
      ["John 3:16–21", 43_003_016, 43_003_021],
      ["Romans 8", 45_008_001, 45_008_039],
    ]);
    // The normalised text is what the form shows; saving it again keeps the same ranges.
    await saveSermon(
      db,
      a.churchId,
      id,
      sermon({ scripture: refs.map((ref) => ref.text).join("; ") }),
    );
    expect(
      await db.scriptureRef.findMany({
        where: { sermonId: id },
        select: { startKey: true, endKey: true },
        orderBy: { startKey: "asc" },
      }),
    ).toEqual(refs.map(({ startKey, endKey }) => ({ startKey, endKey })));
  });

  it("flags unreadable references instead of dropping them", async () => {
    await expect(
      saveSermon(db, a.churchId, null, sermon({ scripture: "John 3:16; Hezekiah 2" })),
    ).rejects.toMatchObject({
      fieldErrors: { scripture: ["Not recognised as Bible references: Hezekiah 2"] },
    });
  });

  it("gives each new sermon its own slug", async () => {
    const first = await saveSermon(db, a.churchId, null, sermon({ title: "Same Title" }));
    const second = await saveSermon(db, a.churchId, null, sermon({ title: "Same Title" }));
    const slugs = await db.sermon.findMany({
      where: { id: { in: [first, second] } },
      select: { slug: true },
    });
    expect(slugs.map((s) => s.slug).sort()).toEqual(["same-title", "same-title-2"]);
  });
});

describe("admin accounts", () => {
  it("signs in with the password admin:create set, and refuses a wrong one", async () => {
    const auth = createAuth({
      db,
      secret: "x".repeat(32),
      baseURL: "http://localhost:3000",
      inNextServer: false,
    });
    const session = await auth.api.signInEmail({
      body: { email: "a@one.example", password: "password-one-1" },
    });
    expect(session.user.email).toBe("a@one.example");
    await expect(
      auth.api.signInEmail({ body: { email: "a@one.example", password: "wrong-password" } }),
    ).rejects.toThrow();
  });

  it("refuses short passwords", async () => {
    await expect(
      createAdmin(db, {
        email: "x@one.example",
        password: "short",
        churchSlug: "one",
        role: "editor",
      }),
    ).rejects.toBeInstanceOf(WeakPasswordError);
  });
});
