// npm run backup -- FILE [--force]
// One archive of the embedded data in SELAH_DATA_DIR (database, stored objects, engine state,
// secrets), taken while Selah runs (or with it stopped). npm run restore -- FILE brings it back.
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { AppError } from "@/lib/platform/errors/app-error";
import { createBackup } from "./backup/create-backup";
import { refuseRealServices, withEmbeddedSources } from "./backup/embedded-sources";
import { runCli } from "./cli/run-cli";

const USAGE = "Usage: npm run backup -- <file.tgz> [--force]   (--force replaces an existing file)";

await runCli(
  async () => {
    const { values, positionals } = parseArgs({
      options: { force: { type: "boolean", default: false } },
      allowPositionals: true,
    });
    const [file, ...extra] = positionals;
    if (!file || extra.length) throw AppError.invalidInput("Name one file to write the backup to.");
    if (existsSync(file) && !values.force)
      throw AppError.invalidInput(
        `${file} exists; choose another name, or add --force to replace it.`,
      );
    refuseRealServices("backup");
    const started = performance.now();
    const manifest = await withEmbeddedSources((sources) =>
      createBackup(sources, file, { log: (line) => console.log(line) }),
    );
    for (const key of manifest.objects.missingAssets)
      console.warn(`warning: the object ${key} was deleted before it could be copied`);
    console.log(
      `Backup complete in ${((performance.now() - started) / 1000).toFixed(1)} s${manifest.whileRunning ? " (Selah kept running)" : ""}.`,
    );
  },
  { usage: USAGE },
);
