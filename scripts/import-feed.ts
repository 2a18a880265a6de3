// npm run import:feed -- --church <slug> --url <feed URL> [--keep-in-sync] [--drafts]
// Imports a podcast feed's items as sermons of the church, here and now, as the admin's Import
// page does through the pipeline: one JSON line per item ({"guid", "title", "outcome":
// imported|skipped|failed, "sermonId" and "slug" | "reason"}), then {"summary": {counts}}.
// The sermons' processing is the running Selah's (their events wait in the outbox until then).
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { runFeedImport, type ReportedOutcome } from "@/lib/pipeline/import/run-feed-import";
import { feedImportInputSchema, startFeedImport } from "@/lib/pipeline/import/start-feed-import";
import { importEnv } from "@/lib/platform/config/import-env";
import { createDb } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors/app-error";
import { runCli } from "./cli/run-cli";
import { withDatabase } from "./cli/with-database";
import { withStorage } from "./cli/with-storage";

const USAGE = `Usage: npm run import:feed -- --church <slug> --url <feed URL> [--keep-in-sync] [--drafts]
  --keep-in-sync  the hourly sync imports what is new in the feed from now on
  --drafts        the imported sermons stay drafts instead of published as the feed had them`;

if (existsSync(".env")) process.loadEnvFile(".env");

await runCli(
  async () => {
    const { values } = parseArgs({
      options: {
        church: { type: "string" },
        url: { type: "string" },
        "keep-in-sync": { type: "boolean" },
        drafts: { type: "boolean" },
        help: { type: "boolean", default: false },
      },
    });
    if (values.help) {
      console.log(USAGE);
      return;
    }
    if (!values.church) throw AppError.invalidInput("--church: name the church by its slug.");
    const input = feedImportInputSchema.safeParse({ url: values.url ?? "" });
    if (!input.success) throw AppError.invalidInput(`--url: ${input.error.issues[0]!.message}`);
    const env = importEnv();

    await withStorage((storage) =>
      withDatabase(async (databaseUrl) => {
        const db = createDb(databaseUrl, 2);
        try {
          const church = await db.church.findUnique({ where: { slug: values.church } });
          if (!church)
            throw AppError.invalidInput(`There is no church "${values.church}" (--church).`);
          const { importId } = await startFeedImport(
            db,
            church.id,
            {
              url: input.data.url,
              keepInSync: values["keep-in-sync"],
              importAsDrafts: values.drafts,
            },
            "cli",
          );
          const summary = await runFeedImport({ db, storage, env }, importId, (outcome) =>
            console.log(JSON.stringify(asLine(outcome))),
          );
          const { importId: id, itemCount, imported, skipped, failed } = summary;
          console.log(
            JSON.stringify({
              summary: { importId: id, items: itemCount, imported, skipped, failed },
            }),
          );
        } finally {
          await db.$disconnect();
        }
      }),
    );
  },
  { usage: USAGE },
);

function asLine(outcome: ReportedOutcome) {
  const { guid, title } = outcome;
  switch (outcome.outcome) {
    case "imported":
      return {
        guid,
        title,
        outcome: "imported",
        sermonId: outcome.sermonId,
        slug: outcome.sermonSlug,
        ...(outcome.note ? { note: outcome.note } : {}),
      };
    case "failed":
      return { guid, title, outcome: "failed", reason: outcome.reason };
    case "skipped":
      return { guid, title, outcome: "skipped", reason: outcome.reason };
  }
}
