import { describe, expect, it } from "vitest";
import { searchParamsRecord, searchParamsSchema } from "./search-params";

describe("searchParamsSchema", () => {
  it("accepts a query with filters and treats empty fields as absent", () => {
    const params = searchParamsSchema.parse(
      searchParamsRecord(
        new URLSearchParams(
          "q=+grace+&church=&from=2026-01-01&to=2026-02-01&passage=Romans 8&limit=5",
        ),
      ),
    );
    expect(params).toEqual({
      q: "grace",
      church: undefined,
      from: "2026-01-01",
      to: "2026-02-01",
      passage: "Romans 8",
      limit: 5,
    });
  });

  it("names what is wrong", () => {
    const result = searchParamsSchema.safeParse({ q: "x", from: "2026-13-45", limit: "500" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["from", "expected a real calendar date"],
      ["limit", "expected at most 50"],
    ]);
    expect(searchParamsSchema.safeParse({ from: "2026-02-31" }).error?.issues[0]?.message).toBe(
      "expected a real calendar date",
    );
    expect(
      searchParamsSchema.safeParse({ from: "2026-03-01", to: "2026-02-01" }).error?.issues[0]?.path,
    ).toEqual(["to"]);
  });
});
