import { revalidateTag } from "next/cache";
import { describe, expect, it } from "vitest";
import { expireListenerTags } from "./expire-listener-tags";

describe("expireListenerTags outside a Next request (CLIs, tests, the worker)", () => {
  it("is a no-op: there is no listener cache in this process", () => {
    expect(() => expireListenerTags(["catalog", "church:grace-chapel"])).not.toThrow();
  });

  it("relies on how Next refuses revalidateTag there (fails here if a Next upgrade changes it)", () => {
    expect(() => revalidateTag("catalog", { expire: 0 })).toThrow(
      /^Invariant: static generation store missing/,
    );
  });
});
