import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type EmbeddedAws, startEmbeddedAws } from "@/lib/platform/embedded/start-embedded-aws";
import {
  type EmbeddedDatabase,
  startEmbeddedDatabase,
} from "@/lib/platform/embedded/start-embedded-database";
import { startMigratedDatabase } from "./migrated-database";

export type TestServices = {
  dir: string;
  database: EmbeddedDatabase;
  aws: EmbeddedAws;
  /** Stops the services; `keepData` leaves the dir for a restart test. */
  stop(options?: { keepData?: boolean }): Promise<void>;
};

/** Fresh embedded services on free ports in a temp dir, so test files never share state. */
export async function startTestServices(
  options: { dir?: string; migrate?: boolean } = {},
): Promise<TestServices> {
  const dir = options.dir ?? mkdtempSync(path.join(tmpdir(), "selah-test-"));
  const dataDir = path.join(dir, "pglite");
  const [database, aws] = await Promise.all([
    options.migrate === false
      ? startEmbeddedDatabase({ dataDir, port: 0 })
      : startMigratedDatabase(dataDir),
    startEmbeddedAws({ dataDir: path.join(dir, "fauxqs"), port: 0 }),
  ]);
  return {
    dir,
    database,
    aws,
    async stop({ keepData = false } = {}) {
      await Promise.all([database.stop(), aws.stop()]);
      if (!keepData) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const testAwsEnv = (endpoint: string) =>
  ({
    AWS_REGION: "us-east-1",
    S3_ENDPOINT: endpoint,
    SQS_ENDPOINT: endpoint,
    S3_FORCE_PATH_STYLE: true,
  }) as const;

// The emulator accepts any credentials; the SDK still insists on having some.
process.env.AWS_ACCESS_KEY_ID ??= "test";
process.env.AWS_SECRET_ACCESS_KEY ??= "test";
