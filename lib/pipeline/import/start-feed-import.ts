import { z } from "zod";
import { feedImportRequested } from "@/lib/pipeline/events/pipeline-events";
import { publishEvent } from "@/lib/pipeline/events/publish-event";
import type { Db } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors/app-error";
import { workingImportWhere } from "./active-imports";

const checkbox = z.preprocess(
  (value) => value === "on" || value === "true" || value === true,
  z.boolean(),
);

/** The Import page's form: the feed's address and the feed's two settings. */
export const feedImportInputSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1, "Paste the address of the podcast feed.")
    .max(2000, "Keep the address under 2,000 characters.")
    .refine((value) => {
      try {
        return ["http:", "https:"].includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, "Use the feed's full web address, like https://example.org/podcast.xml."),
  keepInSync: checkbox.default(false),
  importAsDrafts: checkbox.default(false),
});

export type FeedImportInput = z.output<typeof feedImportInputSchema>;

export type ImportStarter = "admin" | "sync" | "cli";

export interface StartedImport {
  importId: string;
  sourceId: string;
  /** An import of this feed was already under way: this is it, nothing new was started. */
  isRunning: boolean;
}

/**
 * Saves the church's feed (its address and settings) and starts an import of it. An admin or
 * the sync gets `feed/import.requested` published with it (the import-feed function runs it);
 * the CLI runs the import itself (`publish: false`). While an import of the same feed is still
 * working, that one is returned instead of starting a second; the CLI is refused instead.
 */
export async function startFeedImport(
  db: Db,
  churchId: string,
  input: { url: string; keepInSync?: boolean; importAsDrafts?: boolean },
  startedBy: ImportStarter,
): Promise<StartedImport> {
  const settings = {
    ...(input.keepInSync === undefined ? {} : { keepInSync: input.keepInSync }),
    ...(input.importAsDrafts === undefined ? {} : { importAsDrafts: input.importAsDrafts }),
  };
  return db.$transaction(async (tx) => {
    const source = await tx.feedSource.upsert({
      where: { churchId_url: { churchId, url: input.url } },
      create: { churchId, url: input.url, ...settings },
      update: settings,
    });
    const running = await tx.feedImport.findFirst({
      where: { sourceId: source.id, ...workingImportWhere() },
      orderBy: { createdAt: "desc" },
    });
    if (running && startedBy === "cli")
      throw AppError.conflict(
        `An import of ${input.url} is already under way (started by ${running.startedBy} at ${running.createdAt.toISOString()}); wait for it to finish.`,
      );
    if (running) return { importId: running.id, sourceId: source.id, isRunning: true };
    const created = await tx.feedImport.create({
      data: { churchId, sourceId: source.id, startedBy },
    });
    if (startedBy !== "cli")
      await publishEvent(tx, feedImportRequested.build({ churchId, importId: created.id }));
    return { importId: created.id, sourceId: source.id, isRunning: false };
  });
}

/** Turns the hourly sync of a church's feed on or off. */
export async function setFeedSync(db: Db, churchId: string, sourceId: string, keepInSync: boolean) {
  const { count } = await db.feedSource.updateMany({
    where: { id: sourceId, churchId },
    data: { keepInSync },
  });
  if (!count) throw AppError.notFound("That feed is not one of this church's.");
}
