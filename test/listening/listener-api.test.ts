/**
 * A listener's saved places and follows, through the real route handlers of /api/me/… and the
 * real better-auth handler (sign-up, sign-in, delete-user) on an embedded PGlite: the API is a
 * contract checked from outside (issue 16), so these call it as a browser would.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import * as historyRoute from "@/app/api/me/progress/route";
import * as progressRoute from "@/app/api/me/progress/[sermonId]/route";
import * as followsRoute from "@/app/api/me/follows/route";
import * as followedSermonsRoute from "@/app/api/me/follows/sermons/route";
import { getDb } from "@/lib/platform/db/client";
import { type AppDatabase, startAppDatabase } from "@/test/support/app-database";
import { createAdmin } from "@/lib/platform/auth/create-admin";
import {
  deleteAccount,
  ORIGIN,
  type Session,
  signInAccount,
  signUpListener,
} from "@/test/support/auth-session";

const HOUR_MS = 3_600_000;
let app: AppDatabase;
let churchId: string;
let other: string;
const sermons = {} as Record<"published" | "draft" | "other", string>;
const db = () => getDb();

// The progress write limit counts per listener with Date.now: each test starts with full buckets.
const realNow = Date.now.bind(Date);
let clockOffset = 0;
beforeEach(() => {
  clockOffset += 60_000;
});

beforeAll(async () => {
  vi.spyOn(Date, "now").mockImplementation(() => realNow() + clockOffset);
  app = await startAppDatabase();
  churchId = (await db().church.create({ data: { slug: "grace", name: "Grace" } })).id;
  const sermon = (slug: string, publishState: "published" | "draft") =>
    db()
      .sermon.create({
        data: { churchId, slug, title: slug, publishState, durationMs: HOUR_MS },
      })
      .then((row) => row.id);
  sermons.published = await sermon("hope", "published");
  sermons.other = await sermon("joy", "published");
  sermons.draft = await sermon("unfinished", "draft");
  other = (await db().church.create({ data: { slug: "other", name: "Other" } })).id;
});

afterAll(async () => {
  vi.restoreAllMocks();
  await app?.stop();
});

type Answer = { status: number; body: unknown; headers: Headers };

async function call(
  method: "GET" | "PUT" | "POST" | "DELETE",
  sermonId: string | null,
  session: Session | null,
  body?: BodyInit,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const url = `${ORIGIN}/api/me/progress${sermonId === null ? "" : `/${encodeURIComponent(sermonId)}`}`;
  const request = new Request(url, {
    method,
    headers: {
      ...(typeof body === "string" ? { "content-type": "application/json" } : {}),
      ...(session ? { cookie: session.cookie } : {}),
      ...headers,
    },
    body,
  });
  type Handler = (r: Request, c: { params: Promise<object> }) => Promise<Response>;
  const route = (sermonId === null ? historyRoute : progressRoute) as unknown as Record<
    string,
    Handler
  >;
  const response = await route[method]!(request, {
    params: Promise.resolve(sermonId === null ? {} : { sermonId }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : null,
    headers: response.headers,
  };
}

async function follows(
  method: "GET" | "PUT" | "DELETE",
  session: Session | null,
  target?: unknown,
  route: "follows" | "sermons" = "follows",
): Promise<{ status: number; body: unknown }> {
  const handler = (route === "follows" ? followsRoute : followedSermonsRoute) as unknown as Record<
    string,
    (r: Request, c: { params: Promise<object> }) => Promise<Response>
  >;
  const response = await handler[method]!(
    new Request(`${ORIGIN}/api/me/follows${route === "sermons" ? "/sermons" : ""}`, {
      method,
      headers: {
        "content-type": "application/json",
        ...(session ? { cookie: session.cookie } : {}),
      },
      body: target === undefined ? undefined : JSON.stringify(target),
    }),
    { params: Promise.resolve({}) },
  );
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** A sermon listeners can play: published, with a stream. */
async function playableSermon(data: {
  churchId: string;
  slug: string;
  preachedOn: string;
  seriesId?: string;
  speakerId?: string;
}) {
  const { preachedOn, ...rest } = data;
  const sermon = await db().sermon.create({
    data: {
      ...rest,
      title: data.slug,
      publishState: "published",
      preachedOn: new Date(preachedOn),
    },
  });
  await db().mediaAsset.create({
    data: {
      sermonId: sermon.id,
      kind: "master_playlist",
      key: `churches/${data.churchId}/sermons/${sermon.id}/v1/hls/master.m3u8`,
      contentType: "application/vnd.apple.mpegurl",
    },
  });
  return sermon.id;
}

const put = (sermonId: string, session: Session | null, json: unknown) =>
  call("PUT", sermonId, session, JSON.stringify(json));

describe("saved progress across sessions", () => {
  it("a place saved from one session is returned to another session of the same listener", async () => {
    const phone = await signUpListener("ann@listeners.example", "ann-password-1");
    const saved = await put(sermons.published, phone, { positionMs: 600_000 });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.headers.get("cache-control")).toBe("private, no-store");

    const laptop = await signInAccount("ann@listeners.example", "ann-password-1");
    expect(laptop.cookie).not.toBe(phone.cookie);
    const restored = await call("GET", sermons.published, laptop);
    expect(restored.status).toBe(200);
    const body = restored.body as { positionMs: number; updatedAt: string };
    expect(Object.keys(body).sort()).toEqual(["positionMs", "updatedAt"]);
    expect(Math.abs(body.positionMs - 600_000)).toBeLessThanOrEqual(5000);
    expect(new Date(body.updatedAt).toISOString()).toBe(body.updatedAt);
    expect(body).toEqual(saved.body);
  });

  it("takes the pagehide beacon: a POST whose body is a text/plain or JSON Blob", async () => {
    const session = await signInAccount("ann@listeners.example", "ann-password-1");
    for (const type of ["text/plain;charset=UTF-8", "application/json"]) {
      const beacon = new Blob([JSON.stringify({ positionMs: 612_345 })], { type });
      const sent = await call("POST", sermons.published, session, beacon, { "content-type": type });
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    }
    const restored = await call("GET", sermons.published, session);
    expect(restored.body).toMatchObject({ positionMs: 612_345 });
  });

  it("lists the history most recent first, finished sermons marked, and clears it", async () => {
    const session = await signUpListener("bea@listeners.example", "bea-password-1");
    expect((await put(sermons.published, session, { positionMs: 5_000 })).status).toBe(200);
    clockOffset += 1000;
    expect((await put(sermons.other, session, { positionMs: HOUR_MS - 10_000 })).status).toBe(200);
    const history = await call("GET", null, session);
    expect(history.body).toMatchObject({
      items: [
        { sermonId: sermons.other, completed: true, path: "/churches/grace/sermons/joy" },
        { sermonId: sermons.published, completed: false, positionMs: 5_000 },
      ],
    });
    const unfinished = await historyRoute.GET(
      new Request(`${ORIGIN}/api/me/progress?inProgress=1`, {
        headers: { cookie: session.cookie },
      }),
      { params: Promise.resolve({}) },
    );
    expect(await unfinished.json()).toMatchObject({ items: [{ sermonId: sermons.published }] });
    expect(unfinished.headers.get("cache-control")).toBe("private, no-store");

    expect((await call("DELETE", sermons.other, session)).status).toBe(204);
    expect((await call("GET", sermons.other, session)).status).toBe(404);
    expect((await call("GET", sermons.published, session)).status).toBe(200);
    expect((await call("DELETE", null, session)).status).toBe(204);
    expect(await call("GET", null, session)).toMatchObject({ status: 200, body: { items: [] } });
  });
});

describe("one listener's data is theirs alone", () => {
  it("another listener reads a 404 for their own empty place, lists nothing and clears nothing of it", async () => {
    const ann = await signInAccount("ann@listeners.example", "ann-password-1");
    const cal = await signUpListener("cal@listeners.example", "cal-password-1");
    expect(await call("GET", sermons.published, cal)).toMatchObject({
      status: 404,
      body: { error: { code: "not_found", message: "Nothing is saved for this sermon yet." } },
    });
    expect(await call("GET", null, cal)).toMatchObject({ status: 200, body: { items: [] } });
    expect((await call("DELETE", null, cal)).status).toBe(204);
    expect((await call("DELETE", sermons.published, cal)).status).toBe(204);
    // Cal's write is Cal's own row; Ann's is unchanged.
    expect((await put(sermons.published, cal, { positionMs: 1_000 })).status).toBe(200);
    expect((await call("GET", sermons.published, ann)).body).toMatchObject({
      positionMs: 612_345,
    });
    expect((await call("GET", sermons.published, cal)).body).toMatchObject({ positionMs: 1_000 });
  });

  it("no session, or a forged one: 401 for every method, nothing written", async () => {
    const before = await db().playbackProgress.count();
    for (const session of [null, { cookie: "better-auth.session_token=forged.c2lnbmF0dXJl" }]) {
      for (const [method, id] of [
        ["GET", sermons.published],
        ["PUT", sermons.published],
        ["POST", sermons.published],
        ["DELETE", sermons.published],
        ["GET", null],
        ["DELETE", null],
      ] as const) {
        const body = method === "PUT" || method === "POST" ? '{"positionMs":1}' : undefined;
        expect(await call(method, id, session, body), `${method} ${id}`).toMatchObject({
          status: 401,
          body: { error: { code: "unauthenticated", message: "Sign in first." } },
        });
      }
    }
    expect(await db().playbackProgress.count()).toBe(before);
  });

  it("a write from another site is refused even with the cookie", async () => {
    const ann = await signInAccount("ann@listeners.example", "ann-password-1");
    const beacon = await call("POST", sermons.published, ann, '{"positionMs":1}', {
      "sec-fetch-site": "cross-site",
    });
    expect(beacon).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    expect((await call("GET", sermons.published, ann)).body).toMatchObject({
      positionMs: 612_345,
    });
  });
});

describe("bad input: clamped or a clear 4xx, never a 500", () => {
  let session: Session;
  beforeAll(async () => {
    session = await signUpListener("dan@listeners.example", "dan-password-1");
  });

  it.each([
    ["negative", '{"positionMs":-1}'],
    ["NaN as a string", '{"positionMs":"NaN"}'],
    ["1e400 (Infinity)", '{"positionMs":1e400}'],
    ["1e400 as a string", '{"positionMs":"1e400"}'],
    ["a number as a string", '{"positionMs":"600000"}'],
    ["no positionMs", '{"position":600000}'],
    ["null", "null"],
  ])("%s: 400 bad_request naming positionMs", async (_, body) => {
    const answer = await call("PUT", sermons.published, session, body);
    expect(answer).toMatchObject({
      status: 400,
      body: {
        error: {
          code: "bad_request",
          message: expect.stringMatching(/^positionMs must be a number of milliseconds, 0 or more/),
        },
      },
    });
  });

  it("a missing or non-JSON body: 400 invalid_json", async () => {
    for (const body of [undefined, "", "positionMs=5", "{"])
      expect(await call("PUT", sermons.published, session, body)).toMatchObject({
        status: 400,
        body: { error: { code: "invalid_json" } },
      });
  });

  it("a 2 MB body: 413 before anything is parsed", async () => {
    const huge = JSON.stringify({ positionMs: 1, padding: "x".repeat(2 * 1024 * 1024) });
    expect(await call("PUT", sermons.published, session, huge)).toMatchObject({
      status: 413,
      body: { error: { code: "payload_too_large" } },
    });
  });

  it("beyond the duration: clamped to the end and counted as finished", async () => {
    const answer = await put(sermons.published, session, { positionMs: 10 * HOUR_MS });
    expect(answer).toMatchObject({ status: 200, body: { positionMs: HOUR_MS } });
    const row = await db().playbackProgress.findFirstOrThrow({
      where: { sermonId: sermons.published, listener: { email: "dan@listeners.example" } },
    });
    expect(row).toMatchObject({ positionMs: HOUR_MS, completed: true });
  });

  it("an unknown or unpublished sermon: 404, nothing saved", async () => {
    for (const id of ["no-such-sermon", sermons.draft, "x".repeat(2000)]) {
      expect(await put(id, session, { positionMs: 1 })).toMatchObject({
        status: 404,
        body: { error: { code: "not_found" } },
      });
      expect((await call("GET", id, session)).status).toBe(404);
    }
    expect(await db().playbackProgress.count({ where: { sermonId: sermons.draft } })).toBe(0);
  });

  it("more than 5 writes at once, then 1 a second: 429 with Retry-After", async () => {
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push(await put(sermons.other, session, { positionMs: i }));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(answers[5]).toMatchObject({
      body: { error: { code: "rate_limited", message: expect.stringMatching(/once a second/) } },
    });
    expect(answers[5]!.headers.get("retry-after")).toBe("1");
    clockOffset += 1000;
    expect((await put(sermons.other, session, { positionMs: 9 })).status).toBe(200);
    expect((await put(sermons.other, session, { positionMs: 10 })).status).toBe(429);
    // Another listener has their own allowance.
    const ann = await signInAccount("ann@listeners.example", "ann-password-1");
    expect((await put(sermons.other, ann, { positionMs: 1 })).status).toBe(200);
  });
});

describe("follows", () => {
  it("a listener follows a church, a series and a speaker, sees their new sermons, and unfollows", async () => {
    const fay = await signUpListener("fay@listeners.example", "fay-password-1");
    const series = await db().series.create({
      data: { churchId: other, slug: "psalms", title: "Psalms" },
    });
    const speaker = await db().speaker.create({
      data: { churchId: other, slug: "ruth", name: "Ruth" },
    });
    await playableSermon({ churchId: churchId, slug: "in-grace", preachedOn: "2026-01-04" });
    await playableSermon({
      churchId: other,
      slug: "psalm-1",
      preachedOn: "2026-01-11",
      seriesId: series.id,
    });
    await playableSermon({
      churchId: other,
      slug: "by-ruth",
      preachedOn: "2026-01-18",
      speakerId: speaker.id,
    });
    await playableSermon({ churchId: other, slug: "unfollowed", preachedOn: "2026-01-25" });

    expect(await follows("GET", fay, undefined, "sermons")).toEqual({
      status: 200,
      body: { items: [] },
    });
    for (const target of [
      { kind: "church", church: "grace" },
      { kind: "series", church: "other", slug: "psalms" },
      { kind: "speaker", church: "other", slug: "ruth" },
      { kind: "church", church: "grace" },
    ])
      expect((await follows("PUT", fay, target)).status, JSON.stringify(target)).toBe(204);
    expect(
      await db().follow.count({ where: { listener: { email: "fay@listeners.example" } } }),
    ).toBe(3);

    const listed = await follows("GET", fay);
    expect(listed.body).toMatchObject({
      follows: expect.arrayContaining([
        {
          kind: "church",
          church: "grace",
          name: "Grace",
          churchName: "Grace",
          path: "/churches/grace",
        },
        {
          kind: "series",
          church: "other",
          slug: "psalms",
          name: "Psalms",
          churchName: "Other",
          path: "/churches/other/series/psalms",
        },
        {
          kind: "speaker",
          church: "other",
          slug: "ruth",
          name: "Ruth",
          churchName: "Other",
          path: "/churches/other/speakers/ruth",
        },
      ]),
    });
    // Newest first; the other church's unfollowed sermon and unplayable ones are not there.
    const fresh = await follows("GET", fay, undefined, "sermons");
    expect(
      (fresh.body as { items: { slug: string; path: string }[] }).items.map((item) => item.slug),
    ).toEqual(["by-ruth", "psalm-1", "in-grace"]);

    expect(
      (await follows("DELETE", fay, { kind: "series", church: "other", slug: "psalms" })).status,
    ).toBe(204);
    const after = await follows("GET", fay, undefined, "sermons");
    expect((after.body as { items: { slug: string }[] }).items.map((item) => item.slug)).toEqual([
      "by-ruth",
      "in-grace",
    ]);
    // Another listener follows nothing of Fay's.
    const gus = await signUpListener("gus@listeners.example", "gus-password-1");
    expect(await follows("GET", gus)).toEqual({ status: 200, body: { follows: [] } });
    expect(await follows("GET", gus, undefined, "sermons")).toEqual({
      status: 200,
      body: { items: [] },
    });
  });

  it("bad targets: a clear 400 or 404; no session: 401; never a 500", async () => {
    const session = await signInAccount("fay@listeners.example", "fay-password-1");
    for (const target of [
      {},
      { kind: "church" },
      { kind: "series", church: "other" },
      { kind: "pastor", church: "grace" },
      "grace",
    ])
      expect(await follows("PUT", session, target), JSON.stringify(target)).toMatchObject({
        status: 400,
        body: { error: { code: "bad_request" } },
      });
    for (const target of [
      { kind: "church", church: "nowhere" },
      { kind: "series", church: "grace", slug: "psalms" },
      { kind: "speaker", church: "other", slug: "nobody" },
    ])
      expect(await follows("PUT", session, target), JSON.stringify(target)).toMatchObject({
        status: 404,
        body: { error: { code: "not_found" } },
      });
    for (const method of ["GET", "PUT", "DELETE"] as const)
      expect(
        await follows(
          method,
          null,
          method === "GET" ? undefined : { kind: "church", church: "grace" },
        ),
      ).toMatchObject({ status: 401 });
    expect(await follows("GET", null, undefined, "sermons")).toMatchObject({ status: 401 });
  });
});

describe("sign-up", () => {
  it("is refused from another site's page (its Origin), and taken from this site's own host", async () => {
    const from = (origin: string, host: string, email: string) =>
      authPost(
        new Request(`http://${host}/api/auth/sign-up/email`, {
          method: "POST",
          headers: { "content-type": "application/json", origin, host },
          body: JSON.stringify({ name: "Origin", email, password: "a-long-password" }),
        }),
      );
    expect((await from("http://evil.example", "selah.test", "o1@listeners.example")).status).toBe(
      403,
    );
    expect(await db().user.count({ where: { email: "o1@listeners.example" } })).toBe(0);
    expect((await from(ORIGIN, "selah.test", "o2@listeners.example")).status).toBe(200);
  });

  it("is limited to 5 new accounts an hour from one address, on top of the sign-in limits", async () => {
    const signUpFrom = (address: string, n: number) =>
      authPost(
        new Request(`${ORIGIN}/api/auth/sign-up/email`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            origin: ORIGIN,
            "x-forwarded-for": address,
          },
          body: JSON.stringify({
            name: `Listener ${n}`,
            email: `l${n}@${address}.example`,
            password: "a-long-password",
          }),
        }),
      );
    for (let n = 1; n <= 5; n++) {
      // Past the sign-in limit's 3 attempts per 10 s from one address.
      clockOffset += 11_000;
      expect((await signUpFrom("198.51.100.4", n)).status).toBe(200);
    }
    clockOffset += 11_000;
    const refused = await signUpFrom("198.51.100.4", 6);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(60);
    expect(await refused.json()).toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringMatching(
        /^Too many new accounts from your network\. Wait \d+ minutes and try again\.$/,
      ),
    });
    expect(await db().user.count({ where: { email: "l6@198.51.100.4.example" } })).toBe(0);
    expect((await signUpFrom("198.51.100.5", 6)).status).toBe(200);
  });
});

describe("an email someone signed up with first", () => {
  it("made an admin by the operator, keeps none of its listener sessions", async () => {
    const squatter = await signUpListener("elder@grace.example", "squatter-password");
    expect((await call("GET", null, squatter)).status).toBe(200);
    await createAdmin(db(), {
      email: "elder@grace.example",
      password: "elder-password-1",
      churchSlug: "grace",
      role: "editor",
    });
    expect((await call("GET", null, squatter)).status).toBe(401);
    await expect(signInAccount("elder@grace.example", "squatter-password")).rejects.toThrow(
      /sign-in 401/,
    );
    const elder = await signInAccount("elder@grace.example", "elder-password-1");
    expect((await call("GET", null, elder)).status).toBe(200);
    // Re-running it for an admin (a role change) signs no one out.
    await createAdmin(db(), {
      email: "elder@grace.example",
      password: "elder-password-1",
      churchSlug: "grace",
      role: "admin",
    });
    expect((await call("GET", null, elder)).status).toBe(200);
  });
});

describe("deleting an account", () => {
  it("removes the user, its sessions, accounts and saved places (play events name no account); others keep theirs", async () => {
    const eve = await signUpListener("eve@listeners.example", "eve-password-1");
    await signInAccount("eve@listeners.example", "eve-password-1");
    expect((await put(sermons.published, eve, { positionMs: 42_000 })).status).toBe(200);
    expect((await follows("PUT", eve, { kind: "church", church: "grace" })).status).toBe(204);
    const user = await db().user.findUniqueOrThrow({ where: { email: "eve@listeners.example" } });
    const othersBefore = await db().playbackProgress.count({
      where: { NOT: { listenerId: user.id } },
    });

    const wrong = await deleteAccount(eve, "not-her-password");
    expect(wrong.status).toBe(400);
    expect(await db().user.count({ where: { id: user.id } })).toBe(1);

    const deleted = await deleteAccount(eve, "eve-password-1");
    expect(deleted.status, await deleted.clone().text()).toBe(200);
    const left = await Promise.all([
      db().user.count({ where: { id: user.id } }),
      db().session.count({ where: { userId: user.id } }),
      db().account.count({ where: { userId: user.id } }),
      db().playbackProgress.count({ where: { listenerId: user.id } }),
      db().follow.count({ where: { listenerId: user.id } }),
    ]);
    expect(left).toEqual([0, 0, 0, 0, 0]);
    expect(await db().playbackProgress.count()).toBe(othersBefore);
    expect((await call("GET", sermons.published, eve)).status).toBe(401);
  });

  it("is refused to a church's admin, with a message saying what to do; nothing is deleted", async () => {
    await createAdmin(db(), {
      email: "pastor@grace.example",
      password: "pastor-password-1",
      churchSlug: "grace",
      role: "owner",
    });
    const pastor = await signInAccount("pastor@grace.example", "pastor-password-1");
    const refused = await deleteAccount(pastor, "pastor-password-1");
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({
      message: expect.stringMatching(/admin of a church, so it cannot be deleted here/),
    });
    expect(await db().user.count({ where: { email: "pastor@grace.example" } })).toBe(1);
    expect(
      await db().membership.count({ where: { churchId, user: { email: "pastor@grace.example" } } }),
    ).toBe(1);
    expect((await call("GET", null, pastor)).status).toBe(200);
  });
});
