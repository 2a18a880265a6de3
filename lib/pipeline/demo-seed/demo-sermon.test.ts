import { describe, expect, it } from "vitest";
import { loadDemoSermons, parseDemoSermon } from "./demo-sermon";
import { WORDS_PER_MINUTE } from "./render-spoken-sermon";

const FILE = `---
title: Do Not Worry About Tomorrow
speaker: Pastor Ruth Okafor
series: The Sermon on the Mount
preachedOn: 2026-10-04
mainPassage: Matthew 6:25-34
description: Worry, and the Father who feeds the birds.
---
Good morning, church.

Let me read
from Matthew chapter six.
`;

describe("a demo sermon file", () => {
  it("gives the sermon's fields and its paragraphs, each on one line", () => {
    expect(parseDemoSermon(FILE, "1-worry.md")).toEqual({
      title: "Do Not Worry About Tomorrow",
      speaker: "Pastor Ruth Okafor",
      series: "The Sermon on the Mount",
      preachedOn: "2026-10-04",
      mainPassage: "Matthew 6:25-34",
      description: "Worry, and the Father who feeds the birds.",
      paragraphs: ["Good morning, church.", "Let me read from Matthew chapter six."],
    });
  });

  it("names the file and what is wrong with it", () => {
    expect(() => parseDemoSermon("Good morning.", "a.md")).toThrow(
      'a.md: expected front matter between two "---" lines.',
    );
    expect(() => parseDemoSermon(FILE.replace("series:", "serie:"), "b.md")).toThrow(
      'b.md: unknown key "serie".',
    );
    expect(() => parseDemoSermon(FILE.replace(/^title: .*\n/m, ""), "c.md")).toThrow(
      "c.md: missing title.",
    );
    expect(() => parseDemoSermon(FILE.replace("2026-10-04", "4 Oct"), "d.md")).toThrow(
      "d.md: preachedOn must look like 2026-10-04.",
    );
    expect(() => parseDemoSermon(FILE.slice(0, FILE.indexOf("Good morning")), "e.md")).toThrow(
      "e.md: the sermon has no text.",
    );
  });
});

describe("the demo church's sermons", () => {
  it("are five, each of 5 to 15 minutes when read aloud, written out as a synthesiser reads them", async () => {
    const sermons = await loadDemoSermons();
    expect(sermons.length).toBeGreaterThanOrEqual(5);
    for (const sermon of sermons) {
      const words = sermon.paragraphs.join(" ").split(/\s+/).length;
      expect(words, sermon.title).toBeGreaterThanOrEqual(5 * WORDS_PER_MINUTE);
      expect(words, sermon.title).toBeLessThanOrEqual(15 * WORDS_PER_MINUTE);
      // Digits and brackets are read inconsistently; the manuscript says what is spoken.
      expect(sermon.paragraphs.join(" "), sermon.title).not.toMatch(/[0-9()[\]]/);
    }
    expect(new Set(sermons.map((sermon) => sermon.title)).size).toBe(sermons.length);
  });
});
