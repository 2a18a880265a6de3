// Apart from the zod schemas (chapter-input.ts) so the admin's form can use it in the browser:
// zod probes for eval when it loads, which the pages' CSP refuses.

/** A chapter title's longest length: podcast apps show one line. */
export const MAX_CHAPTER_TITLE = 120;
