import { describe, expect, it } from "vitest";
import { fullTextTiers } from "./full-text-tiers";

describe("fullTextTiers", () => {
  it("goes from every word, to any two, to any one", () => {
    expect(fullTextTiers("'forgiv' & 'hurt' & 'someon'")).toEqual([
      "'forgiv' & 'hurt' & 'someon'",
      "('forgiv' & 'hurt') | ('forgiv' & 'someon') | ('hurt' & 'someon')",
      "'forgiv' | 'hurt' | 'someon'",
    ]);
    expect(fullTextTiers("'green' & 'pastur'")).toEqual([
      "'green' & 'pastur'",
      "'green' | 'pastur'",
    ]);
    expect(fullTextTiers("'grace'")).toEqual(["'grace'"]);
    expect(fullTextTiers("")).toEqual([]);
  });

  it("keeps websearch syntax as written", () => {
    expect(fullTextTiers("'shadow' <-> 'death' & 'valley'")).toEqual([
      "'shadow' <-> 'death' & 'valley'",
      "'shadow' <-> 'death' | 'valley'",
    ]);
    expect(fullTextTiers("'love' & !'wed'")).toEqual(["'love' & !'wed'"]);
  });
});
