import { mkdirSync } from "node:fs";
import path from "node:path";
import { startFauxqs } from "fauxqs";
import { LOOPBACK, listenOnLoopback } from "./listen-on-loopback";

export type EmbeddedAws = { endpoint: string; port: number; stop(): Promise<void> };

/**
 * fauxqs stands in for S3 and SQS on one port, persisting queues and objects under dataDir.
 * It accepts any credentials, so it listens on 127.0.0.1 only, whatever HOST says.
 */
export async function startEmbeddedAws(options: {
  dataDir: string;
  port: number;
}): Promise<EmbeddedAws> {
  const s3StorageDir = path.join(options.dataDir, "objects");
  mkdirSync(s3StorageDir, { recursive: true });
  const server = await listenOnLoopback(options.port, () =>
    startFauxqs({
      port: options.port,
      logger: false,
      dataDir: options.dataDir,
      s3StorageDir,
    }),
  );
  const listening = new URL(server.address).hostname;
  if (listening !== LOOPBACK) {
    await server.stop();
    throw new Error(
      `The S3/SQS emulator listened on ${listening} instead of ${LOOPBACK}; refusing to expose it.`,
    );
  }
  return {
    endpoint: `http://${LOOPBACK}:${server.port}`,
    port: server.port,
    stop: () => server.stop(),
  };
}
