import { describe, expect, it } from "vitest";
import { createSignInLimiter } from "./sign-in-limiter";
import { clientAddressOf } from "./client-address";

function limiter() {
  const clock = { now: 1_000_000 };
  const limits = createSignInLimiter({ now: () => clock.now });
  return { limits, clock, tick: (seconds: number) => (clock.now += seconds * 1000) };
}

describe("the sign-in limiter", () => {
  it("lets 3 attempts per 10 s through from one address; the 4th waits, whatever the account", () => {
    const { limits, tick } = limiter();
    for (const account of ["a@one.example", "b@one.example", "c@one.example"])
      expect(limits.attempt({ address: "203.0.113.7", account })).toEqual({ allowed: true });
    expect(limits.attempt({ address: "203.0.113.7", account: "d@one.example" })).toEqual({
      allowed: false,
      scope: "address",
      retryAfterSeconds: 10,
      message: "Too many sign-in attempts from your network. Wait 10 seconds and try again.",
    });
    // Another address is not held up; this one is free again once the window has passed.
    expect(limits.attempt({ address: "198.51.100.2", account: "a@one.example" }).allowed).toBe(
      true,
    );
    tick(4);
    expect(limits.attempt({ address: "203.0.113.7", account: "a@one.example" })).toMatchObject({
      allowed: false,
      retryAfterSeconds: 6,
    });
    tick(6);
    expect(limits.attempt({ address: "203.0.113.7", account: "a@one.example" }).allowed).toBe(true);
  });

  it("refuses the 11th failed attempt on one account within 15 minutes, from any address", () => {
    const { limits, tick } = limiter();
    for (let i = 1; i <= 10; i++) {
      expect(limits.attempt({ address: `192.0.2.${i}`, account: "Pastor@Grace.example" })).toEqual({
        allowed: true,
      });
      tick(1);
    }
    expect(limits.attempt({ address: "192.0.2.99", account: " pastor@grace.example" })).toEqual({
      allowed: false,
      scope: "account",
      retryAfterSeconds: 15 * 60 - 10,
      message: "Too many failed sign-ins for this account. Wait 15 minutes and try again.",
    });
    // Other accounts are unaffected; this one opens again after the window.
    expect(limits.attempt({ address: "192.0.2.99", account: "other@grace.example" }).allowed).toBe(
      true,
    );
    tick(15 * 60);
    expect(limits.attempt({ address: "192.0.2.98", account: "pastor@grace.example" }).allowed).toBe(
      true,
    );
  });

  it("a right password clears the account's failures", () => {
    const { limits, tick } = limiter();
    const attempt = (i: number) => ({ address: `192.0.2.${i}`, account: "pastor@grace.example" });
    for (let i = 1; i <= 9; i++) limits.attempt(attempt(i));
    limits.attempt(attempt(10));
    limits.succeeded(attempt(10));
    tick(11);
    for (let i = 11; i <= 20; i++)
      expect(limits.attempt(attempt(i)).allowed, `attempt ${i}`).toBe(true);
    expect(limits.attempt(attempt(21)).allowed).toBe(false);
  });

  it("refuses an address after 20 failures in 15 minutes across accounts (password spraying)", () => {
    const { limits, tick } = limiter();
    for (let i = 0; i < 20; i++) {
      expect(
        limits.attempt({ address: "203.0.113.9", account: `user${i}@x.example` }).allowed,
      ).toBe(true);
      tick(4); // slower than 3 per 10 s
    }
    expect(limits.attempt({ address: "203.0.113.9", account: "user99@x.example" })).toMatchObject({
      allowed: false,
      scope: "address",
      message: expect.stringMatching(
        /^Too many sign-in attempts from your network. Wait 14 minutes/,
      ),
    });
  });

  it("applies no address limit when the address is unknown (calls from code)", () => {
    const { limits } = limiter();
    for (let i = 0; i < 10; i++)
      expect(limits.attempt({ address: null, account: `user${i}@x.example` }).allowed).toBe(true);
  });
});

describe("clientAddressOf", () => {
  it("takes X-Forwarded-For's last entry, and nothing that is not an address", () => {
    const of = (value?: string) =>
      clientAddressOf(new Headers(value === undefined ? {} : { "x-forwarded-for": value }));
    expect(of("203.0.113.7")).toBe("203.0.113.7");
    expect(of("10.9.9.9, 203.0.113.7")).toBe("203.0.113.7");
    expect(of("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(of("2001:DB8::1")).toBe("2001:db8::1");
    expect(of("not-an-address")).toBeNull();
    expect(of()).toBeNull();
    expect(clientAddressOf(undefined)).toBeNull();
  });
});
