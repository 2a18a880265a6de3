import { describe, expect, it } from "vitest";
import { MAX_MANUSCRIPT_BYTES, sermonInputSchema } from "./sermon-input";

const base = { title: "Grace", speakerId: "", seriesId: "", preachedOn: "", publishState: "draft" };
const manuscriptIssues = (manuscript: string) => {
  const result = sermonInputSchema.safeParse({ ...base, manuscript });
  return result.success
    ? []
    : result.error.issues.filter((i) => i.path[0] === "manuscript").map((i) => i.message);
};

describe("sermonInputSchema's manuscript", () => {
  it("keeps a text manuscript, clears an empty one and leaves an absent one alone", () => {
    expect(sermonInputSchema.parse({ ...base, manuscript: " # Grace\n\nAmen. " }).manuscript).toBe(
      "# Grace\n\nAmen.",
    );
    expect(sermonInputSchema.parse({ ...base, manuscript: "  " }).manuscript).toBeNull();
    expect(sermonInputSchema.parse(base).manuscript).toBeUndefined();
  });

  it("refuses one over the size limit, counted in bytes", () => {
    expect(manuscriptIssues("é".repeat(MAX_MANUSCRIPT_BYTES / 2 + 1))).toEqual([
      "Keep the manuscript under 200 KB of text; leave out notes that were not preached.",
    ]);
    expect(manuscriptIssues("a".repeat(MAX_MANUSCRIPT_BYTES))).toEqual([]);
  });

  it("refuses binary content such as a Word file", () => {
    expect(manuscriptIssues("PK\u0003\u0004word/document.xml")).toEqual([
      "The manuscript must be plain text or Markdown; save a Word or PDF file as text first.",
    ]);
    expect(manuscriptIssues("Tabs\tand\r\nnew lines are text.")).toEqual([]);
  });
});
