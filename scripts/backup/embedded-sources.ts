import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ListBucketsCommand, type S3Client } from "@aws-sdk/client-s3";
import { AppError } from "@/lib/platform/errors/app-error";
import { readDatabaseLock } from "@/lib/platform/embedded/database-lock";
import { startEmbeddedAws } from "@/lib/platform/embedded/start-embedded-aws";
import { startEmbeddedDatabase } from "@/lib/platform/embedded/start-embedded-database";
import { createS3Client } from "@/lib/platform/storage/s3-client";
import { awsDir, databaseDir, databaseUrlFor } from "../launcher/embedded-urls";
import { readLauncherEnv } from "../launcher/launcher-env";
import type { BackupSources } from "./create-backup";

/** Backup and restore handle the embedded data only; real services have their own tools. */
export function refuseRealServices(command: "backup" | "restore"): void {
  const real = ["DATABASE_URL", "S3_BUCKET", "S3_ENDPOINT"].filter((name) => process.env[name]);
  if (real.length)
    throw AppError.invalidInput(
      `npm run ${command} handles the embedded data in SELAH_DATA_DIR, but ${real.join(" and ")} ${real.length > 1 ? "are" : "is"} set: back up Postgres and S3 with their own tools (README, "Backup and restore").`,
    );
}

/**
 * Runs `job` against the embedded data in SELAH_DATA_DIR: through the running Selah when its
 * database is open (the lock file names the port; the S3 emulator answers on FAUXQS_PORT and
 * must be the one serving this data dir), or by opening the database and the emulator here
 * when nothing has them open.
 */
export async function withEmbeddedSources<T>(
  job: (sources: BackupSources) => Promise<T>,
): Promise<T> {
  const launcherEnv = readLauncherEnv();
  const { dataDir } = launcherEnv;
  const pgliteDir = databaseDir(launcherEnv);
  if (!existsSync(pgliteDir))
    throw AppError.invalidInput(
      `There is no embedded data in ${dataDir} (SELAH_DATA_DIR): its pglite folder is missing.`,
    );
  process.env.AWS_ACCESS_KEY_ID ??= "test";
  process.env.AWS_SECRET_ACCESS_KEY ??= "test";
  const s3For = (endpoint: string) =>
    createS3Client({ AWS_REGION: "us-east-1", S3_ENDPOINT: endpoint });

  const owner = readDatabaseLock(pgliteDir);
  if (owner) {
    const endpoint = `http://127.0.0.1:${launcherEnv.FAUXQS_PORT}`;
    const s3 = s3For(endpoint);
    try {
      await checkEmulatorServes(s3, awsDir(launcherEnv), endpoint, owner.pid);
      return await job({
        dataDir,
        databaseUrl: databaseUrlFor(owner.port),
        s3,
        whileRunning: true,
      });
    } finally {
      s3.destroy();
    }
  }

  const database = await startEmbeddedDatabase({ dataDir: pgliteDir, port: 0 });
  try {
    const aws = await startEmbeddedAws({ dataDir: awsDir(launcherEnv), port: 0 });
    const s3 = s3For(aws.endpoint);
    try {
      return await job({ dataDir, databaseUrl: database.url, s3, whileRunning: false });
    } finally {
      s3.destroy();
      await aws.stop();
    }
  } finally {
    await database.stop();
  }
}

/**
 * The emulator on FAUXQS_PORT must be the one whose files are in `dir`, not another Selah's:
 * its buckets, with their creation times, must be those recorded there (fauxqs keeps each
 * bucket's in `objects/buckets/<name>/.bucket.json`, start-embedded-aws.ts).
 */
async function checkEmulatorServes(
  s3: S3Client,
  dir: string,
  endpoint: string,
  databaseOwner: number,
): Promise<void> {
  let served: string[];
  try {
    served = ((await s3.send(new ListBucketsCommand({}))).Buckets ?? [])
      .map((bucket) => `${bucket.Name} ${bucket.CreationDate?.toISOString()}`)
      .sort();
  } catch (error) {
    throw new AppError(
      "unavailable",
      `The embedded database is open (process ${databaseOwner}), but no S3/SQS emulator answers at ${endpoint}. Run the backup with the FAUXQS_PORT Selah was started with, or wait until process ${databaseOwner} has finished.`,
      { cause: error },
    );
  }
  const bucketsDir = path.join(dir, "objects", "buckets");
  const recorded = (existsSync(bucketsDir) ? readdirSync(bucketsDir) : [])
    .map((name) => path.join(bucketsDir, name, ".bucket.json"))
    .filter((file) => existsSync(file))
    .map((file) => {
      const meta = JSON.parse(readFileSync(file, "utf8")) as { name: string; creationDate: string };
      return `${meta.name} ${meta.creationDate}`;
    })
    .sort();
  if (served.join("\n") !== recorded.join("\n"))
    throw AppError.conflict(
      `The S3/SQS emulator at ${endpoint} does not serve the objects in ${dir}: it is another Selah's. Run the backup with the FAUXQS_PORT and SELAH_DATA_DIR of the Selah to back up.`,
    );
}
