import { type ChildProcess, execFile, spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";

/** Something a hostile playlist can point ffmpeg at, which notices being read. */
export interface ReadCanary {
  url: string;
  wasRead(): boolean;
  stop(): Promise<void>;
}

/**
 * A named pipe with a writer waiting on it: opening a FIFO for writing blocks until a reader
 * opens the other end, so the writer exits only if something (ffmpeg) opened the file. Unlike
 * a file's access time, this cannot be hidden by noatime mounts.
 */
export async function fileCanary(dir: string, name: string): Promise<ReadCanary> {
  const path = join(dir, name);
  await promisify(execFile)("mkfifo", [path]);
  const writer: ChildProcess = spawn("sh", ["-c", 'printf x > "$1"', "sh", path], {
    stdio: "ignore",
  });
  // Any exit but our own kill means the open returned (a reader that closed early may leave
  // the writer to die of SIGPIPE: still a read).
  let isStopping = false;
  let isRead = false;
  const exited = new Promise<void>((resolve) =>
    writer.once("exit", () => {
      isRead = !isStopping;
      resolve();
    }),
  );
  return {
    url: `file://${path}`,
    wasRead: () => isRead,
    async stop() {
      if (writer.exitCode === null && writer.signalCode === null) {
        isStopping = true;
        writer.kill();
      }
      await exited;
    },
  };
}

/** A local HTTP server that counts requests: the "local URL" a playlist may point at. */
export async function httpCanary(): Promise<ReadCanary> {
  let requests = 0;
  const server = createServer((_request, response) => {
    requests++;
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sermon.mp3`,
    wasRead: () => requests > 0,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
