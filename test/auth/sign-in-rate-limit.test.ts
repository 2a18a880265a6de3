/**
 * Sign-in rate limits, through both ways in: better-auth's HTTP endpoint (the real
 * /api/auth route handler) and the admin sign-in form's server action, which calls
 * `auth.api.signInEmail` directly. Both go through the one limiter (per address and per
 * account), so neither way gets around the other's count. Real better-auth, Prisma and an
 * embedded PGlite; only Next's request context is stood in for (`next/headers` answers with the
 * headers of the request being simulated, X-Forwarded-For included, as Next.js would).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signIn } from "@/app/admin/sign-in/actions";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { createAdmin } from "@/lib/platform/auth/create-admin";
import { getDb } from "@/lib/platform/db/client";
import { type AppDatabase, startAppDatabase } from "@/test/support/app-database";
import type { FormResult } from "@/lib/platform/validation/form-result";

const nextRequest = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/headers")>()),
  headers: async () => nextRequest.headers,
}));

const ORIGIN = "http://selah.test";
const WRONG = "That email and password do not match an admin account.";
const admins = {
  owner: { email: "owner@grace.example", password: "owner-password-1" },
  editor: { email: "editor@grace.example", password: "editor-password-2" },
  pastor: { email: "pastor@grace.example", password: "pastor-password-3" },
  deacon: { email: "deacon@grace.example", password: "deacon-password-4" },
  elder: { email: "elder@grace.example", password: "elder-password-5" },
};

let app: AppDatabase;

beforeAll(async () => {
  app = await startAppDatabase();
  for (const [role, admin] of Object.entries(admins))
    await createAdmin(getDb(), {
      ...admin,
      churchSlug: "grace",
      role: role === "owner" ? "owner" : "editor",
    });
});
afterAll(async () => {
  await app?.stop();
});

/** POST /api/auth/sign-in/email from `address`, as Next.js hands it to the route handler. */
async function signInOverHttp(address: string, email: string, password: string) {
  const response = await authPost(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, "x-forwarded-for": address },
      body: JSON.stringify({ email, password }),
    }),
  );
  const body = (await response.json()) as { message?: string; code?: string } | null;
  return { status: response.status, body, retryAfter: response.headers.get("retry-after") };
}

/** The admin sign-in form's action, posted from `address`: its message, or where it redirects. */
async function signInThroughForm(address: string, email: string, password: string) {
  nextRequest.headers = new Headers({
    origin: ORIGIN,
    "next-action": "sign-in",
    "x-forwarded-for": address,
  });
  const form = new FormData();
  for (const [name, value] of Object.entries({ email, password, next: "/admin" }))
    form.set(name, value);
  try {
    const result: FormResult = await signIn(null, form);
    return { message: result.message };
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;"))
      return { redirect: digest.split(";")[2] };
    throw error;
  } finally {
    nextRequest.headers = new Headers();
  }
}

describe("sign-in rate limits", () => {
  it("per address: the 4th try in 10 s is refused, for another account and the other way in too", async () => {
    const address = "203.0.113.7";
    expect((await signInOverHttp(address, admins.owner.email, "wrong-1")).status).toBe(401);
    expect(await signInThroughForm(address, admins.owner.email, "wrong-2")).toEqual({
      message: WRONG,
    });
    expect((await signInOverHttp(address, admins.editor.email, "wrong-3")).status).toBe(401);

    // A different account, the right password, through the form: refused for the address.
    const form = await signInThroughForm(address, admins.editor.email, admins.editor.password);
    expect(form.message).toMatch(
      /^Too many sign-in attempts from your network\. Wait \d+ seconds? and try again\.$/,
    );
    const http = await signInOverHttp(address, admins.pastor.email, admins.pastor.password);
    expect(http.status).toBe(429);
    expect(http.body?.code).toBe("RATE_LIMITED");
    expect(http.body?.message).toMatch(/^Too many sign-in attempts from your network/);
    expect(Number(http.retryAfter)).toBeGreaterThan(0);
    expect(Number(http.retryAfter)).toBeLessThanOrEqual(10);

    // Another address is not held up by this one.
    expect(
      await signInThroughForm("198.51.100.20", admins.editor.email, admins.editor.password),
    ).toEqual({ redirect: "/admin" });
  });

  it("per account: the 11th failed try in 15 minutes is refused from any address, even with the right password", async () => {
    const { email, password } = admins.pastor;
    for (let i = 1; i <= 10; i++) {
      const address = `192.0.2.${i}`;
      if (i % 2) expect((await signInOverHttp(address, email, `wrong-${i}`)).status).toBe(401);
      else
        expect(await signInThroughForm(address, email, `wrong-${i}`)).toEqual({ message: WRONG });
    }
    const refused = await signInThroughForm("192.0.2.50", email, password);
    expect(refused.message).toBe(
      "Too many failed sign-ins for this account. Wait 15 minutes and try again.",
    );
    const http = await signInOverHttp("192.0.2.51", email.toUpperCase(), password);
    expect(http.status).toBe(429);
    expect(http.body?.message).toMatch(/^Too many failed sign-ins for this account/);
    // Another account from the same addresses is not locked.
    expect(
      await signInThroughForm("192.0.2.50", admins.deacon.email, admins.deacon.password),
    ).toEqual({
      redirect: "/admin",
    });
  });

  it("signing in with the right password clears the account's failures", async () => {
    const { email, password } = admins.elder;
    for (let i = 1; i <= 9; i++)
      expect((await signInOverHttp(`198.18.0.${i}`, email, `wrong-${i}`)).status).toBe(401);
    expect((await signInOverHttp("198.18.0.10", email, password)).status).toBe(200);
    for (let i = 11; i <= 20; i++)
      expect((await signInOverHttp(`198.18.0.${i}`, email, `wrong-${i}`)).status).toBe(401);
    expect((await signInOverHttp("198.18.0.21", email, password)).status).toBe(429);
  });

  it("reads no more than 16 KB of a sign-in request", async () => {
    const response = await authPost(
      new Request(`${ORIGIN}/api/auth/sign-in/email`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: ORIGIN,
          "x-forwarded-for": "192.0.2.200",
        },
        body: JSON.stringify({ email: admins.deacon.email, password: "x".repeat(64 * 1024) }),
      }),
    );
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("payload_too_large");
  });
});
