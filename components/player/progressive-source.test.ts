import { describe, expect, it } from "vitest";
import { progressiveSourceFor } from "./progressive-source";

const download = "/media/s1/v1/download.m4a";

describe("progressiveSourceFor", () => {
  it("plays the download file on an ordinary connection, or when the browser does not say", () => {
    expect(progressiveSourceFor(download, undefined)).toBe(download);
    expect(progressiveSourceFor(download, { effectiveType: "4g", saveData: false })).toBe(download);
  });

  it("leaves slow and data-saving connections to the adaptive ladder", () => {
    for (const effectiveType of ["slow-2g", "2g", "3g"])
      expect(progressiveSourceFor(download, { effectiveType })).toBeUndefined();
    expect(progressiveSourceFor(download, { effectiveType: "4g", saveData: true })).toBeUndefined();
  });

  it("uses the ladder when there is no download file", () => {
    expect(progressiveSourceFor(null, { effectiveType: "4g" })).toBeUndefined();
  });
});
