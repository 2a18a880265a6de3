// npm run restore -- FILE
// Fills an empty SELAH_DATA_DIR from a backup made by npm run backup; then npm start serves it.
import { parseArgs } from "node:util";
import { AppError } from "@/lib/platform/errors/app-error";
import { refuseRealServices } from "./backup/embedded-sources";
import { restoreBackup } from "./backup/restore-backup";
import { runCli } from "./cli/run-cli";
import { readLauncherEnv } from "./launcher/launcher-env";

const USAGE =
  "Usage: SELAH_DATA_DIR=<new or empty dir> npm run restore -- <file.tgz>   (with Selah stopped)";

await runCli(
  async () => {
    const { positionals } = parseArgs({ options: {}, allowPositionals: true });
    const [file, ...extra] = positionals;
    if (!file || extra.length) throw AppError.invalidInput("Name the backup file to restore.");
    refuseRealServices("restore");
    const { dataDir } = readLauncherEnv();
    const started = performance.now();
    await restoreBackup(file, dataDir, { log: (line) => console.log(line) });
    console.log(
      `Restore complete in ${((performance.now() - started) / 1000).toFixed(1)} s. Start Selah on it: SELAH_DATA_DIR=${dataDir} npm start`,
    );
  },
  { usage: USAGE },
);
