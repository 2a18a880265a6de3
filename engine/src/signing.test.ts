import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadEngineConfig } from "./env";
import { EngineConfigError } from "./errors";
import {
  bearerAuthorized,
  canonicalJson,
  eventKeyAccepted,
  hashSigningKey,
  signatureFor,
  signatureProblem,
} from "./signing";

const KEY = `signkey-test-${"ab".repeat(32)}`;
const FALLBACK = `signkey-test-${"cd".repeat(32)}`;

describe("canonicalJson (RFC 8785, as the SDK's canonicalize)", () => {
  it("sorts keys by UTF-16 code units at every level and drops undefined members", () => {
    expect(
      canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined }], c: null }, A: "x", é: 2 }),
    ).toBe('{"A":"x","a":{"c":null,"d":[3,{"z":1}]},"b":1,"é":2}');
    expect(canonicalJson([undefined, 1e21, -0, "\u2028"])).toBe('[null,1e+21,0,"\u2028"]');
  });

  it("is stable through a parse: the text the SDK parses canonicalises to itself", () => {
    const text = canonicalJson({
      steps: { b: { data: "B" }, a: { data: { y: 1, x: 2 } } },
      ctx: { run_id: "r" },
    });
    expect(canonicalJson(JSON.parse(text))).toBe(text);
  });
});

describe("signatures", () => {
  it("is HMAC-SHA256 of body + seconds, keyed with the key's text minus its prefix", () => {
    const at = 1_790_000_000_000;
    const expected = createHmac("sha256", "ab".repeat(32))
      .update(`{"a":1}1790000000`)
      .digest("hex");
    expect(signatureFor('{"a":1}', KEY, at)).toBe(`t=1790000000&s=${expected}`);
  });

  it("accepts the key or the fallback within 5 minutes, and says what is wrong otherwise", () => {
    const now = Date.now();
    expect(
      signatureProblem(signatureFor("x", KEY, now), "x", { signingKey: KEY }, now),
    ).toBeUndefined();
    expect(
      signatureProblem(
        signatureFor("x", FALLBACK, now),
        "x",
        { signingKey: KEY, signingKeyFallback: FALLBACK },
        now,
      ),
    ).toBeUndefined();
    expect(
      signatureProblem(signatureFor("x", FALLBACK, now), "x", { signingKey: KEY }, now),
    ).toMatch(/does not match/);
    expect(signatureProblem(signatureFor("x", KEY, now), "y", { signingKey: KEY }, now)).toMatch(
      /does not match/,
    );
    expect(
      signatureProblem(signatureFor("x", KEY, now - 301_000), "x", { signingKey: KEY }, now),
    ).toMatch(/expired/);
    expect(
      signatureProblem(signatureFor("x", KEY, now + 301_000), "x", { signingKey: KEY }, now),
    ).toMatch(/expired/);
    expect(signatureProblem(undefined, "x", { signingKey: KEY })).toMatch(/^no /);
    expect(signatureProblem("s=abc", "x", { signingKey: KEY })).toMatch(/malformed/);
  });
});

describe("keys", () => {
  it("hashes the hex-decoded key as the SDK does for its bearer token", () => {
    // The key's 64 hex digits are 32 bytes of 0xab; the token is the prefix and their SHA-256.
    expect(hashSigningKey(KEY)).toBe(
      `signkey-test-${createHash("sha256").update(Buffer.alloc(32, 0xab)).digest("hex")}`,
    );
  });

  it("authorizes the signing key, its hash or the fallback's, and nothing else", () => {
    const keys = { signingKey: KEY, signingKeyFallback: FALLBACK };
    for (const token of [KEY, hashSigningKey(KEY), FALLBACK, hashSigningKey(FALLBACK)]) {
      expect(bearerAuthorized(`Bearer ${token}`, keys)).toBe(true);
    }
    for (const header of [
      undefined,
      "",
      "Bearer",
      `Basic ${KEY}`,
      `Bearer ${KEY}x`,
      "Bearer undefined",
      `Bearer ${"ab".repeat(32)}`,
    ]) {
      expect(bearerAuthorized(header, keys)).toBe(false);
    }
  });

  it("accepts only configured event keys", () => {
    expect(eventKeyAccepted("k1", ["k0", "k1"])).toBe(true);
    expect(eventKeyAccepted("k2", ["k0", "k1"])).toBe(false);
    expect(eventKeyAccepted("", ["k0"])).toBe(false);
  });
});

describe("configuration", () => {
  it("reads INNGEST_SIGNING_KEY(_FALLBACK) and INNGEST_EVENT_KEY (comma-separated)", () => {
    const config = loadEngineConfig({
      INNGEST_SIGNING_KEY: KEY,
      INNGEST_SIGNING_KEY_FALLBACK: FALLBACK,
      INNGEST_EVENT_KEY: "a, b",
    });
    expect(config).toMatchObject({
      signingKey: KEY,
      signingKeyFallback: FALLBACK,
      eventKeys: ["a", "b"],
    });
    expect(loadEngineConfig({})).toMatchObject({ signingKey: undefined, eventKeys: [] });
  });

  it("names the variable and never echoes a key", () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadEngineConfig(env);
      } catch (error) {
        expect(error).toBeInstanceOf(EngineConfigError);
        return (error as Error).message;
      }
      throw new Error("expected a configuration error");
    };
    const bad = problems({ INNGEST_SIGNING_KEY: "signkey-prod-secretzz", INNGEST_EVENT_KEY: "e" });
    expect(bad).toContain("INNGEST_SIGNING_KEY: expected signkey-<env>-<hex>");
    expect(bad).not.toContain("secretzz");
    expect(problems({ INNGEST_SIGNING_KEY: KEY })).toContain(
      "INNGEST_EVENT_KEY: is required with INNGEST_SIGNING_KEY",
    );
    expect(problems({ INNGEST_SIGNING_KEY_FALLBACK: FALLBACK, INNGEST_EVENT_KEY: "e" })).toContain(
      "INNGEST_SIGNING_KEY_FALLBACK: needs INNGEST_SIGNING_KEY",
    );
  });
});
