import type { ImportDeps } from "./import-deps";
import {
  failFeedImport,
  finishFeedImport,
  type ImportSummary,
  nextImportItems,
} from "./import-pages";
import { importFeedItem, type ItemOutcome } from "./import-feed-item";
import { registerFeedItems } from "./register-feed-items";

/** An item's outcome as the CLI reports it; a skipped one has no id in this import. */
export type ReportedOutcome = ItemOutcome extends infer T
  ? T extends ItemOutcome
    ? Omit<T, "itemId"> & { itemId?: string }
    : never
  : never;

/**
 * Runs an import here and now, start to finish, through the same functions as the
 * import-feed function's steps (`npm run import:feed`): the feed read and its items recorded,
 * then page after page of items imported, each outcome reported as it is known. A feed that
 * cannot be read fails the import and throws.
 */
export async function runFeedImport(
  deps: ImportDeps,
  importId: string,
  report: (outcome: ReportedOutcome) => void,
): Promise<ImportSummary> {
  try {
    await registerFeedItems(deps, importId, (entry) =>
      report({
        guid: entry.key,
        title: entry.title,
        outcome: "skipped",
        reason: "Imported before.",
      }),
    );
    for (;;) {
      const itemIds = await nextImportItems(deps.db, importId);
      if (!itemIds.length) break;
      for (const itemId of itemIds) report(await importFeedItem(deps, importId, itemId));
    }
    return await finishFeedImport(deps.db, importId);
  } catch (error) {
    await failFeedImport(deps.db, importId, error);
    throw error;
  }
}
