/**
 * Text made literal in a Markdown line: the characters that could start emphasis, code, a link
 * or an image, raw HTML, an entity, a table cell, strikethrough or a heading's closing marks are
 * backslash-escaped (CommonMark lets any ASCII punctuation be escaped). Text that is one line,
 * never at the start of one (clampNote), needs nothing more.
 */
export const escapeMarkdown = (text: string): string => text.replace(/[\\`*_[\]<>&|~#]/g, "\\$&");
