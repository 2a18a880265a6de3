/** The name a sermon's exported bookmarks download as: `<sermon slug>-bookmarks.md`. */
export function bookmarksFileName(sermonPath: string): string {
  const slug = sermonPath.split("/").filter(Boolean).at(-1) ?? "sermon";
  const safe =
    slug
      .replace(/[^a-z0-9-]+/gi, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80) || "sermon";
  return `${safe}-bookmarks.md`;
}
