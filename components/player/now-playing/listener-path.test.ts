import { describe, expect, it } from "vitest";
import { isListenerPath } from "./listener-path";

describe("isListenerPath", () => {
  it("is true on the pages listeners browse", () => {
    for (const path of [
      "/",
      "/churches/grace-chapel",
      "/churches/grace-chapel/sermons/x",
      "/search",
      "/bible/john/3",
      "/account",
      "/account/sign-in",
      "/downloads",
    ])
      expect(isListenerPath(path), path).toBe(true);
  });

  it("is false for the embed, the admin and anything else", () => {
    for (const path of [
      "/embed/sermons/x",
      "/admin",
      "/admin/grace-chapel",
      "/operator",
      "/searching",
      null,
    ])
      expect(isListenerPath(path), String(path)).toBe(false);
  });
});
