import { describe, expect, it } from "vitest";
import { bookmarksFileName } from "./bookmarks-file-name";
import { bookmarksMarkdown } from "./bookmarks-markdown";
import { clampNote } from "./clamp-note";

const pageUrl = "https://selah.example/churches/grace/sermons/hope";

describe("bookmarksMarkdown", () => {
  it("is the title, the page, then one linked moment per bookmark", () => {
    expect(
      bookmarksMarkdown({
        title: "Hope in\nRomans",
        pageUrl,
        bookmarks: [
          { positionMs: 0, note: "" },
          { positionMs: 754_999, note: "the three questions" },
          { positionMs: 3_725_000, note: "closing prayer" },
        ],
      }),
    ).toBe(
      [
        "# Hope in Romans",
        "",
        `Bookmarks in <${pageUrl}>`,
        "",
        `- [0:00](${pageUrl}?t=0)`,
        `- [12:34](${pageUrl}?t=754) the three questions`,
        `- [1:02:05](${pageUrl}?t=3725) closing prayer`,
        "",
      ].join("\n"),
    );
  });

  it("escapes what Markdown would read as markup, HTML, links or a heading's end", () => {
    const markdown = bookmarksMarkdown({
      title: "C# & <Friends> #",
      pageUrl,
      bookmarks: [
        { positionMs: 1000, note: "<script>x</script> **b** _i_ [l](javascript:x) `c` | ~s~ \\" },
      ],
    });
    expect(markdown.split("\n")[0]).toBe("# C\\# \\& \\<Friends\\> \\#");
    expect(markdown).toContain(
      `- [0:01](${pageUrl}?t=1) \\<script\\>x\\</script\\> \\*\\*b\\*\\* \\_i\\_ \\[l\\](javascript:x) \\\`c\\\` \\| \\~s\\~ \\\\`,
    );
  });

  it("keeps a parenthesis in the address from ending the link", () => {
    const markdown = bookmarksMarkdown({
      title: "t",
      pageUrl: "https://selah.example/churches/a(b)/sermons/c",
      bookmarks: [{ positionMs: 2000, note: "" }],
    });
    expect(markdown).toContain("- [0:02](https://selah.example/churches/a%28b%29/sermons/c?t=2)");
  });

  it("says when there are none", () => {
    expect(bookmarksMarkdown({ title: "t", pageUrl, bookmarks: [] })).toContain(
      "\nNo bookmarks yet.\n",
    );
  });
});

describe("clampNote", () => {
  it("makes one trimmed line", () => {
    expect(clampNote("  first\r\n\tsecond  ")).toBe("first second");
    expect(clampNote("")).toBe("");
  });

  it("keeps at most 500 code points, never half of one", () => {
    expect(Array.from(clampNote("é".repeat(501)))).toHaveLength(500);
    expect(clampNote("🙏".repeat(501))).toBe("🙏".repeat(500));
    expect(clampNote("a".repeat(499) + " b")).toBe("a".repeat(499));
  });
});

describe("bookmarksFileName", () => {
  it("is the sermon's slug, and only safe characters", () => {
    expect(bookmarksFileName("/churches/grace/sermons/hope-in-romans")).toBe(
      "hope-in-romans-bookmarks.md",
    );
    expect(bookmarksFileName('/churches/g/sermons/a"b%2F..')).toBe("a-b-2F-bookmarks.md");
    expect(bookmarksFileName("/")).toBe("sermon-bookmarks.md");
  });
});
