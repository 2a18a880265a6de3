import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/platform/validation/form-result";
import { sermonJsonInputSchema } from "./sermon-json-input";

const errorsOf = (body: unknown) => {
  const parsed = sermonJsonInputSchema.safeParse(body);
  expect(parsed.success).toBe(false);
  return fieldErrorsOf(parsed.error!);
};

describe("the sermon form's fields as JSON", () => {
  it("makes a draft from a title alone, every other field as the form sends it left empty", () => {
    expect(sermonJsonInputSchema.parse({ title: "  Hope  " })).toEqual({
      title: "Hope",
      speakerId: null,
      seriesId: null,
      preachedOn: null,
      description: "",
      tags: [],
      scripture: "",
      publishState: "draft",
      publishAt: null,
      manuscript: null,
    });
  });

  it("reads every field by the form's names; null is a field left empty; tags may be an array", () => {
    const future = new Date(Date.now() + 86_400_000);
    expect(
      sermonJsonInputSchema.parse({
        title: "Hope",
        speakerId: "sp1",
        seriesId: null,
        preachedOn: "2026-11-22",
        description: "On waiting.",
        tags: ["advent", " hope ", "advent"],
        scripture: "Rom 8",
        publishState: "scheduled",
        publishAt: future.toISOString(),
        manuscript: "  # Hope\n\nWe wait with hope.  ",
        sermonId: "ignored",
      }),
    ).toEqual({
      title: "Hope",
      speakerId: "sp1",
      seriesId: null,
      preachedOn: new Date("2026-11-22T00:00:00Z"),
      description: "On waiting.",
      tags: ["advent", "hope"],
      scripture: "Rom 8",
      publishState: "scheduled",
      publishAt: future,
      manuscript: "# Hope\n\nWe wait with hope.",
    });
    expect(sermonJsonInputSchema.parse({ title: "Hope", tags: "grace, prayer" }).tags).toEqual([
      "grace",
      "prayer",
    ]);
  });

  it("refuses with the form's messages, per field", () => {
    expect(errorsOf({})).toEqual({ title: ["Give the sermon a title."] });
    expect(
      errorsOf({ title: "Hope", preachedOn: "22/11/2026", publishState: "scheduled" }),
    ).toEqual({
      preachedOn: ["Use a date like 2026-11-22."],
      publishAt: ["Choose when to publish."],
    });
    for (const preachedOn of ["2026-02-30", "2026-13-01"])
      expect(errorsOf({ title: "Hope", preachedOn })).toEqual({
        preachedOn: ["There is no such day; use a date like 2026-11-22."],
      });
    expect(errorsOf({ title: "Hope", publishState: "public" })).toEqual({
      publishState: ["Choose draft, scheduled or published."],
    });
    expect(Object.keys(errorsOf({ title: 42, tags: [1, 2] }))).toEqual(["title", "tags"]);
    expect(Object.keys(errorsOf(["Hope"]))).toEqual(["form"]);
  });
});
