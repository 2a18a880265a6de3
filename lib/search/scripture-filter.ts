import { parsePassages } from "@/lib/catalog/scripture/parse-passages";
import { AppError } from "@/lib/platform/errors/app-error";

/** Passages as integer key ranges (see ScriptureRef): a sermon matches when any ref overlaps one. */
export type ScriptureFilter = {
  label: string;
  ranges: Array<{ startKey: number; endKey: number }>;
};

/** The `passage` filter is not a Bible reference: answered as an invalid `passage` field. */
export class UnrecognisedScriptureError extends AppError {
  override name = "UnrecognisedScriptureError";
  constructor(readonly input: string) {
    const message = `"${input}" is not a Bible reference we recognise: try a book, a chapter or a verse range, e.g. "Romans", "John 3" or "Rom 8:28-39".`;
    super("invalid_request", message, { fields: { passage: [message] } });
  }
}

const WHOLE_BOOK_SPAN = 999_999;

/**
 * Reads a scripture filter: a book ("Romans", "1 Jn"), a chapter ("John 3") or verses
 * ("Rom 8:28-39; Ps 23"). The passage parser needs a chapter, so a bare book name is read as
 * its first chapter and widened to the whole book.
 */
export function parseScriptureFilter(input: string): ScriptureFilter {
  const parsed = parsePassages(input);
  if (parsed.passages.length > 0 && parsed.unrecognised.length === 0) {
    return {
      label: parsed.passages.map((passage) => passage.text).join("; "),
      ranges: parsed.passages.map(({ startKey, endKey }) => ({ startKey, endKey })),
    };
  }
  const asBook = parsePassages(`${input} 1`).passages;
  const book = asBook[0];
  if (asBook.length === 1 && book && book.startChapter === 1 && book.endChapter === 1) {
    const startKey = book.startKey - (book.startKey % 1_000_000);
    return {
      label: book.text.replace(/ 1$/, ""),
      ranges: [{ startKey, endKey: startKey + WHOLE_BOOK_SPAN }],
    };
  }
  throw new UnrecognisedScriptureError(input);
}
