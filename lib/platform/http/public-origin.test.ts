import { describe, expect, it } from "vitest";
import { publicOrigin } from "./public-origin";

describe("publicOrigin", () => {
  it("is the request's forwarded host and scheme (what Next.js and the trusted proxy set)", () => {
    const headers = new Headers({
      host: "127.0.0.1:3000",
      "x-forwarded-host": "sermons.example.org",
      "x-forwarded-proto": "https",
    });
    expect(publicOrigin(headers, undefined, {})).toBe("https://sermons.example.org");
    expect(publicOrigin(new Headers({ host: "127.0.0.1:3000" }), undefined, {})).toBe(
      "http://127.0.0.1:3000",
    );
    expect(
      publicOrigin(new Headers({ "x-forwarded-host": "a.example, b.example" }), undefined, {}),
    ).toBe("http://a.example");
  });

  it("is BETTER_AUTH_URL when set, and the request's URL when there are no headers", () => {
    const env = { BETTER_AUTH_URL: "https://sermons.example.org/some/path" };
    expect(publicOrigin(new Headers({ host: "internal:3000" }), undefined, env)).toBe(
      "https://sermons.example.org",
    );
    expect(publicOrigin(new Headers(), "http://selah.test/api/oembed?url=x", {})).toBe(
      "http://selah.test",
    );
    expect(publicOrigin(new Headers({ host: "not a host" }), "http://selah.test/x", {})).toBe(
      "http://selah.test",
    );
  });
});
