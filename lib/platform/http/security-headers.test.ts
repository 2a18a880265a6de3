import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/platform/errors/app-error";
import { assertQueryLength, MAX_QUERY_LENGTH } from "./assert-query-length";
import { pageSecurityHeaders } from "./security-headers";

const directives = (policy: string) =>
  Object.fromEntries(
    policy.split("; ").map((directive) => {
      const [name, ...values] = directive.split(" ");
      return [name, values];
    }),
  );

describe("pageSecurityHeaders", () => {
  const production = pageSecurityHeaders({
    pathname: "/churches/grace-chapel",
    nonce: "bm9uY2U=",
    isDev: false,
    isHttps: false,
  });
  const policy = directives(production["Content-Security-Policy"]!);

  it("allows only nonce'd scripts and what they load, never eval, in production", () => {
    expect(policy["script-src"]).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(policy["style-src"]).toEqual(["'self'", "'nonce-bm9uY2U='"]);
    expect(production["Content-Security-Policy"]).not.toContain("unsafe-eval");
    expect(policy["object-src"]).toEqual(["'none'"]);
    expect(policy["base-uri"]).toEqual(["'self'"]);
    expect(policy["form-action"]).toEqual(["'self'"]);
  });

  it("lets the player stream: MSE blob: media, hls.js's blob: worker, same-origin segments", () => {
    expect(policy["media-src"]).toEqual(["'self'", "blob:", "data:"]);
    expect(policy["worker-src"]).toEqual(["'self'", "blob:"]);
    expect(policy["connect-src"]).toEqual(["'self'", "blob:", "data:"]);
    expect(policy["img-src"]).toEqual(["'self'", "blob:", "data:"]);
  });

  it("forbids framing (frame-ancestors 'none' and X-Frame-Options DENY)", () => {
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
    expect(production["X-Frame-Options"]).toBe("DENY");
  });

  it("lets other sites frame the embeddable player only (frame-ancestors *, no X-Frame-Options)", () => {
    const embed = pageSecurityHeaders({
      pathname: "/embed/sermons/cm0abc",
      nonce: "n",
      isDev: false,
      isHttps: false,
    });
    expect(directives(embed["Content-Security-Policy"]!)["frame-ancestors"]).toEqual(["*"]);
    expect(embed["X-Frame-Options"]).toBeUndefined();
    // Everything else the embed's policy allows is the same as every page's.
    expect(directives(embed["Content-Security-Policy"]!)["script-src"]).toEqual([
      "'self'",
      "'nonce-n'",
      "'strict-dynamic'",
    ]);
    for (const pathname of ["/embed", "/churches/grace/sermons/embed", "/admin/embed/x", "/"]) {
      const page = pageSecurityHeaders({ pathname, nonce: "n", isDev: false, isHttps: false });
      expect(page["X-Frame-Options"], pathname).toBe("DENY");
      expect(directives(page["Content-Security-Policy"]!)["frame-ancestors"]).toEqual(["'none'"]);
    }
  });

  it("adds eval and inline styles only in development, and upgrades requests only over https", () => {
    const dev = directives(
      pageSecurityHeaders({ pathname: "/", nonce: "n", isDev: true, isHttps: false })[
        "Content-Security-Policy"
      ]!,
    );
    expect(dev["script-src"]).toContain("'unsafe-eval'");
    expect(dev["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy["upgrade-insecure-requests"]).toBeUndefined();
    const https = pageSecurityHeaders({ pathname: "/", nonce: "n", isDev: false, isHttps: true });
    expect(https["Content-Security-Policy"]).toMatch(/; upgrade-insecure-requests$/);
  });

  it("lets pages connect to the storage uploads go to", () => {
    const admin = pageSecurityHeaders({
      pathname: "/admin/grace/sermons/1",
      nonce: "n",
      isDev: false,
      isHttps: true,
      connectOrigins: ["https://selah-media.s3.eu-west-2.amazonaws.com"],
    });
    expect(directives(admin["Content-Security-Policy"]!)["connect-src"]).toEqual([
      "'self'",
      "blob:",
      "data:",
      "https://selah-media.s3.eu-west-2.amazonaws.com",
    ]);
  });
});

describe("assertQueryLength", () => {
  it("lets a long real search through and refuses an over-long query with 414", () => {
    const greek = encodeURIComponent("χάρις ".repeat(83)); // 500 characters, 5 KB encoded
    expect(() =>
      assertQueryLength(`http://selah.test/search?q=${greek}&church=grace`),
    ).not.toThrow();
    const long = `http://selah.test/search?q=${"a".repeat(MAX_QUERY_LENGTH)}`;
    let error: unknown;
    try {
      assertQueryLength(long);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "uri_too_long",
      status: 414,
      message:
        "This address is too long: its query is over 8 KB. Shorten the search and try again.",
    });
  });
});
