import { mkdirSync } from "node:fs";
import path from "node:path";
import { startFauxqs } from "fauxqs";

export type EmbeddedAws = { endpoint: string; port: number; stop(): Promise<void> };

/** fauxqs stands in for S3 and SQS on one port, persisting queues and objects under dataDir. */
export async function startEmbeddedAws(options: { dataDir: string; port: number }): Promise<EmbeddedAws> {
  const s3StorageDir = path.join(options.dataDir, "objects");
  mkdirSync(s3StorageDir, { recursive: true });
  const server = await startFauxqs({
    port: options.port,
    logger: false,
    dataDir: options.dataDir,
    s3StorageDir,
  });
  return {
    endpoint: `http://127.0.0.1:${server.port}`,
    port: server.port,
    stop: () => server.stop(),
  };
}
