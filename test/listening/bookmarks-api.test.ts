/**
 * A listener's bookmarks through the real route handlers of /api/me/bookmarks… and the real
 * better-auth handler on an embedded PGlite (issue 16): each listener sees and deletes only
 * their own, bad input is clamped or a clear 4xx, and a flood is capped, never a 500.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as bookmarksRoute from "@/app/api/me/bookmarks/route";
import * as bookmarkRoute from "@/app/api/me/bookmarks/[bookmarkId]/route";
import * as exportRoute from "@/app/api/me/bookmarks/export/route";
import { BOOKMARK_LIMITS } from "@/lib/catalog/bookmarks/bookmark-limits";
import { listBookmarkedSermons } from "@/lib/catalog/bookmarks/list-bookmarked-sermons";
import { getDb } from "@/lib/platform/db/client";
import { type AppDatabase, startAppDatabase } from "@/test/support/app-database";
import { deleteAccount, ORIGIN, type Session, signUpListener } from "@/test/support/auth-session";

const HOUR_MS = 3_600_000;
let app: AppDatabase;
let churchId: string;
const sermons = {} as Record<"hope" | "joy" | "draft" | "unknownLength", string>;
const db = () => getDb();

// The write limit counts per listener with Date.now: each test starts with full buckets, and
// sign-ups (3 per 10 s from one address) are spaced out.
const realNow = Date.now.bind(Date);
let clockOffset = 0;
/** While set, the clock stands still (a flood arrives faster than any refill). */
let frozenAt: number | null = null;
beforeEach(() => {
  clockOffset += 60_000;
});

beforeAll(async () => {
  vi.spyOn(Date, "now").mockImplementation(() => frozenAt ?? realNow() + clockOffset);
  app = await startAppDatabase();
  churchId = (await db().church.create({ data: { slug: "grace", name: "Grace" } })).id;
  const sermon = (
    slug: string,
    publishState: "published" | "draft",
    durationMs: number | null = HOUR_MS,
  ) =>
    db()
      .sermon.create({ data: { churchId, slug, title: slug, publishState, durationMs } })
      .then((row) => row.id);
  sermons.hope = await sermon("hope", "published");
  sermons.joy = await sermon("joy", "published");
  sermons.draft = await sermon("unfinished", "draft");
  sermons.unknownLength = await sermon("still-processing", "published", null);
});

afterAll(async () => {
  vi.restoreAllMocks();
  await app?.stop();
});

async function signUp(email: string): Promise<Session> {
  clockOffset += 11_000;
  return signUpListener(email, `${email}-password`);
}

type Answer = { status: number; body: unknown; text: string; headers: Headers };
type Handler = (r: Request, c: { params: Promise<object> }) => Promise<Response>;

async function call(
  route: "list" | "one" | "export",
  method: "GET" | "POST" | "DELETE",
  session: Session | null,
  options: { sermonId?: string; bookmarkId?: string; body?: string } = {},
): Promise<Answer> {
  const base =
    route === "one"
      ? `/api/me/bookmarks/${encodeURIComponent(options.bookmarkId ?? "")}`
      : route === "export"
        ? "/api/me/bookmarks/export"
        : "/api/me/bookmarks";
  const query =
    options.sermonId === undefined ? "" : `?sermonId=${encodeURIComponent(options.sermonId)}`;
  const handlers = (route === "one"
    ? bookmarkRoute
    : route === "export"
      ? exportRoute
      : bookmarksRoute) as unknown as Record<string, Handler>;
  const response = await handlers[method]!(
    new Request(`${ORIGIN}${base}${query}`, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { "content-type": "application/json" }),
        ...(session ? { cookie: session.cookie } : {}),
      },
      body: options.body,
    }),
    { params: Promise.resolve(route === "one" ? { bookmarkId: options.bookmarkId } : {}) },
  );
  const text = await response.text();
  const isJson = response.headers.get("content-type")?.includes("json");
  return {
    status: response.status,
    body: text && isJson ? JSON.parse(text) : null,
    text,
    headers: response.headers,
  };
}

const add = (session: Session, sermonId: string, json: unknown) =>
  call("list", "POST", session, { sermonId, body: JSON.stringify(json) });
const list = async (session: Session, sermonId: string) =>
  ((await call("list", "GET", session, { sermonId })).body as { items: unknown[] }).items;

describe("a listener's bookmarks", () => {
  it("are added with an optional note, listed in the sermon's order, exported and deleted", async () => {
    const ann = await signUp("ann@listeners.example");
    const later = await add(ann, sermons.hope, {
      positionMs: 754_321.6,
      note: "  the three\n questions ",
    });
    expect(later.status, later.text).toBe(201);
    expect(later.headers.get("cache-control")).toBe("private, no-store");
    expect(later.body).toEqual({
      id: expect.any(String),
      sermonId: sermons.hope,
      positionMs: 754_322,
      note: "the three questions",
      createdAt: expect.any(String),
    });
    const earlier = await add(ann, sermons.hope, { positionMs: 5_000 });
    expect(earlier).toMatchObject({ status: 201, body: { note: "", positionMs: 5_000 } });

    expect(await list(ann, sermons.hope)).toEqual([earlier.body, later.body]);
    expect(await list(ann, sermons.joy)).toEqual([]);

    const exported = await call("export", "GET", ann, { sermonId: sermons.hope });
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(exported.headers.get("content-disposition")).toBe(
      'attachment; filename="hope-bookmarks.md"',
    );
    expect(exported.text).toBe(
      [
        "# hope",
        "",
        `Bookmarks in <${ORIGIN}/churches/grace/sermons/hope>`,
        "",
        `- [0:05](${ORIGIN}/churches/grace/sermons/hope?t=5)`,
        `- [12:34](${ORIGIN}/churches/grace/sermons/hope?t=754) the three questions`,
        "",
      ].join("\n"),
    );

    expect(await listBookmarkedSermons((await listenerId("ann@listeners.example"))!)).toEqual([
      {
        sermonId: sermons.hope,
        title: "hope",
        churchName: "Grace",
        path: "/churches/grace/sermons/hope",
        count: 2,
      },
    ]);

    const id = (earlier.body as { id: string }).id;
    expect((await call("one", "DELETE", ann, { bookmarkId: id })).status).toBe(204);
    expect(await call("one", "DELETE", ann, { bookmarkId: id })).toMatchObject({
      status: 404,
      body: { error: { code: "not_found" } },
    });
    expect(await list(ann, sermons.hope)).toEqual([later.body]);
    expect((await call("list", "DELETE", ann, { sermonId: sermons.hope })).status).toBe(204);
    expect(await list(ann, sermons.hope)).toEqual([]);
  });

  it("keep a note's HTML as text, and escape it (and Markdown) in the export", async () => {
    const bea = await signUp("bea@listeners.example");
    const note = '<img src=x onerror="alert(1)"> *not bold* [a](javascript:alert(1)) & `code`';
    const added = await add(bea, sermons.joy, { positionMs: 60_000, note });
    expect(added).toMatchObject({ status: 201, body: { note } });
    expect(await list(bea, sermons.joy)).toMatchObject([{ note }]);
    const exported = await call("export", "GET", bea, { sermonId: sermons.joy });
    expect(exported.text).toContain(
      `- [1:00](${ORIGIN}/churches/grace/sermons/joy?t=60) \\<img src=x onerror="alert(1)"\\> \\*not bold\\* \\[a\\](javascript:alert(1)) \\& \\\`code\\\``,
    );
    expect(exported.text).not.toMatch(/[^\\]<img/);
  });
});

const listenerId = async (email: string) => (await db().user.findUnique({ where: { email } }))?.id;

describe("one listener's bookmarks are theirs alone", () => {
  it("another listener lists none of them, cannot delete them, and clears only their own", async () => {
    const cal = await signUp("cal@listeners.example");
    const dot = await signUp("dot@listeners.example");
    const mine = await add(cal, sermons.hope, { positionMs: 1_000, note: "Cal's" });
    const theirs = await add(dot, sermons.hope, { positionMs: 2_000, note: "Dot's" });
    expect(await list(dot, sermons.hope)).toEqual([theirs.body]);
    const calsId = (mine.body as { id: string }).id;
    expect(await call("one", "DELETE", dot, { bookmarkId: calsId })).toMatchObject({
      status: 404,
      body: { error: { code: "not_found" } },
    });
    expect((await call("list", "DELETE", dot, {})).status).toBe(204);
    expect(await list(dot, sermons.hope)).toEqual([]);
    expect(await list(cal, sermons.hope)).toEqual([mine.body]);
    const exported = await call("export", "GET", dot, { sermonId: sermons.hope });
    expect(exported.text).not.toContain("Cal's");
    expect(exported.text).toContain("No bookmarks yet.");
  });

  it("no session, or a forged one: 401 for every route, nothing written", async () => {
    const before = await db().bookmark.count();
    for (const session of [null, { cookie: "better-auth.session_token=forged.c2lnbmF0dXJl" }]) {
      for (const [route, method] of [
        ["list", "GET"],
        ["list", "POST"],
        ["list", "DELETE"],
        ["one", "DELETE"],
        ["export", "GET"],
      ] as const)
        expect(
          await call(route, method, session, {
            sermonId: sermons.hope,
            bookmarkId: "x",
            body: method === "POST" ? '{"positionMs":1}' : undefined,
          }),
          `${method} ${route}`,
        ).toMatchObject({ status: 401, body: { error: { code: "unauthenticated" } } });
    }
    expect(await db().bookmark.count()).toBe(before);
  });

  it("go with the account when it is deleted, and with the sermon when it is", async () => {
    const eve = await signUp("eve@listeners.example");
    expect((await add(eve, sermons.hope, { positionMs: 3_000 })).status).toBe(201);
    const id = (await listenerId("eve@listeners.example"))!;
    const others = await db().bookmark.count({ where: { NOT: { listenerId: id } } });
    expect(await db().bookmark.count({ where: { listenerId: id } })).toBe(1);
    expect((await deleteAccount(eve, "eve@listeners.example-password")).status).toBe(200);
    expect(await db().bookmark.count({ where: { listenerId: id } })).toBe(0);
    expect(await db().bookmark.count()).toBe(others);

    const gone = await db().sermon.create({
      data: { churchId, slug: "gone", title: "gone", publishState: "published" },
    });
    const fay = await signUp("fay@listeners.example");
    expect((await add(fay, gone.id, { positionMs: 1 })).status).toBe(201);
    await db().sermon.delete({ where: { id: gone.id } });
    expect(await db().bookmark.count({ where: { sermonId: gone.id } })).toBe(0);
  });
});

describe("bad input: clamped or a clear 4xx, never a 500", () => {
  let session: Session;
  beforeAll(async () => {
    session = await signUp("gus@listeners.example");
  });

  it.each([
    ["negative", '{"positionMs":-1}', /^positionMs must be a number/],
    ["NaN as a string", '{"positionMs":"NaN"}', /^positionMs must be a number/],
    ["1e400 (Infinity)", '{"positionMs":1e400}', /^positionMs must be a number/],
    ["no positionMs", '{"note":"hi"}', /^positionMs must be a number/],
    ["a note that is not text", '{"positionMs":1,"note":{"html":"<b>"}}', /^note must be text/],
    ["null", "null", /^positionMs must be a number/],
  ])("%s: 400 bad_request saying what to send", async (_, body, message) => {
    expect(await call("list", "POST", session, { sermonId: sermons.hope, body })).toMatchObject({
      status: 400,
      body: { error: { code: "bad_request", message: expect.stringMatching(message) } },
    });
  });

  it("no sermon named, no JSON, or a body over 16 KB: a clear 4xx", async () => {
    expect(await call("list", "GET", session, {})).toMatchObject({
      status: 400,
      body: { error: { code: "bad_request", message: expect.stringMatching(/sermonId/) } },
    });
    expect(await call("list", "POST", session, { body: '{"positionMs":1}' })).toMatchObject({
      status: 400,
    });
    expect(await call("export", "GET", session, {})).toMatchObject({ status: 400 });
    expect(
      await call("list", "POST", session, { sermonId: sermons.hope, body: "{" }),
    ).toMatchObject({ status: 400, body: { error: { code: "invalid_json" } } });
    const huge = JSON.stringify({ positionMs: 1, note: "x".repeat(20_000) });
    expect(
      await call("list", "POST", session, { sermonId: sermons.hope, body: huge }),
    ).toMatchObject({ status: 413, body: { error: { code: "payload_too_large" } } });
  });

  it("past the end: clamped to it; a sermon of unknown length keeps at most a day", async () => {
    expect(await add(session, sermons.hope, { positionMs: 10 * HOUR_MS })).toMatchObject({
      status: 201,
      body: { positionMs: HOUR_MS },
    });
    expect(await add(session, sermons.unknownLength, { positionMs: 1e12 })).toMatchObject({
      status: 201,
      body: { positionMs: 24 * HOUR_MS },
    });
  });

  it("a long note is cut to 500 characters, never half an emoji", async () => {
    const note = "🙏".repeat(600);
    const added = await add(session, sermons.hope, { positionMs: 1, note });
    expect(added.status).toBe(201);
    expect(Array.from((added.body as { note: string }).note)).toHaveLength(
      BOOKMARK_LIMITS.noteChars,
    );
    expect((added.body as { note: string }).note).toBe("🙏".repeat(500));
  });

  it("an unknown or unpublished sermon: 404, nothing saved, nothing listed", async () => {
    for (const id of ["no-such-sermon", sermons.draft, "x".repeat(2000)]) {
      expect(await add(session, id, { positionMs: 1 })).toMatchObject({
        status: 404,
        body: { error: { code: "not_found" } },
      });
      expect(await list(session, id)).toEqual([]);
      expect((await call("export", "GET", session, { sermonId: id })).status).toBe(404);
    }
    expect(await db().bookmark.count({ where: { sermonId: sermons.draft } })).toBe(0);
  });

  it("a flood of 1,000 at once: 10 kept, the rest 429 with Retry-After, no 500", async () => {
    const flooder = await signUp("flood@listeners.example");
    frozenAt = Date.now();
    const answers: Answer[] = [];
    try {
      // In waves of 100 requests at once: the route's order of work, not the test's, decides.
      for (let wave = 0; wave < 10; wave++)
        answers.push(
          ...(await Promise.all(
            Array.from({ length: 100 }, (_, i) =>
              add(flooder, sermons.joy, { positionMs: wave * 100 + i, note: `<b>${i}</b>` }),
            ),
          )),
        );
    } finally {
      frozenAt = null;
    }
    const statuses: Record<number, number> = {};
    for (const answer of answers) statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
    expect(statuses).toEqual({ 201: 10, 429: 990 });
    const refused = answers.find((answer) => answer.status === 429)!;
    expect(refused.headers.get("retry-after")).toBe("2");
    expect(refused.body).toMatchObject({
      error: { code: "rate_limited", message: expect.stringMatching(/Wait 2 s/) },
    });
    const id = (await listenerId("flood@listeners.example"))!;
    expect(await db().bookmark.count({ where: { listenerId: id } })).toBe(10);
  }, 120_000);

  it("at 1,000 in a sermon or 10,000 in all: 409 saying so, nothing more kept", async () => {
    const hoarder = await signUp("hoarder@listeners.example");
    const id = (await listenerId("hoarder@listeners.example"))!;
    const seed = (sermonId: string, count: number) =>
      db().bookmark.createMany({
        data: Array.from({ length: count }, (_, i) => ({
          listenerId: id,
          sermonId,
          positionMs: i,
        })),
      });
    await seed(sermons.hope, BOOKMARK_LIMITS.perSermon - 2);
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await add(hoarder, sermons.hope, { positionMs: i }));
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 409, 409]);
    expect(answers[2]).toMatchObject({
      body: {
        error: {
          code: "conflict",
          message:
            "This sermon already has 1,000 of your bookmarks, the most it can keep. Delete some to add more.",
        },
      },
    });
    expect(await list(hoarder, sermons.hope)).toHaveLength(BOOKMARK_LIMITS.perSermon);

    // The rest of the account's allowance, spread where no per-sermon cap is checked.
    await seed(sermons.unknownLength, BOOKMARK_LIMITS.total - BOOKMARK_LIMITS.perSermon);
    clockOffset += 60_000;
    expect(await add(hoarder, sermons.joy, { positionMs: 1 })).toMatchObject({
      status: 409,
      body: { error: { message: expect.stringMatching(/^You have 10,000 bookmarks/) } },
    });
    expect(await db().bookmark.count({ where: { listenerId: id } })).toBe(BOOKMARK_LIMITS.total);
    // Clearing them all makes room again.
    expect((await call("list", "DELETE", hoarder, {})).status).toBe(204);
    expect((await add(hoarder, sermons.joy, { positionMs: 1 })).status).toBe(201);
  }, 60_000);
});
