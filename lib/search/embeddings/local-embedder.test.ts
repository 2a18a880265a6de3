import { describe, expect, it } from "vitest";
import { embedLocally } from "./local-embedder";
import { stemWord } from "./stem-word";

const cosine = (a: number[], b: number[]) => a.reduce((sum, value, i) => sum + value * b[i]!, 0);

describe("the local embedder", () => {
  it("is deterministic, sized as configured and unit length", () => {
    const a = embedLocally("Nothing can separate us from the love of God.", 384);
    expect(a).toEqual(embedLocally("Nothing can separate us from the love of God.", 384));
    expect(a).toHaveLength(384);
    expect(Math.hypot(...a)).toBeCloseTo(1, 10);
    expect(Math.hypot(...embedLocally("", 64))).toBeCloseTo(1, 10);
  });

  it("puts texts sharing words and word forms closer than unrelated ones", () => {
    const query = embedLocally("forgiving those who hurt us", 384);
    const related = embedLocally(
      "When we forgive the people who hurt us, we let go of the debt.",
      384,
    );
    const unrelated = embedLocally("The choir sang three new songs at the harvest festival.", 384);
    expect(cosine(query, related)).toBeGreaterThan(0.3);
    expect(cosine(query, related)).toBeGreaterThan(cosine(query, unrelated) + 0.2);
  });

  it("stems common inflections onto one feature", () => {
    expect(new Set(["forgive", "forgiving", "forgives", "forgiven"].map(stemWord))).toEqual(
      new Set(["forgiv"]),
    );
    expect(new Set(["churches", "church"].map(stemWord))).toEqual(new Set(["church"]));
    expect(stemWord("running")).toBe("run");
    expect(stemWord("kindness")).toBe("kind");
    expect(stemWord("blessed")).toBe("bless");
    expect(stemWord("graces")).toBe("grac");
    expect(stemWord("one")).toBe("one");
  });
});
