import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import path from "node:path";

/**
 * The port of the S3/SQS emulator the e2e run's Selah started (FAUXQS_PORT=0 lets it pick one):
 * the process whose environment names this run's emulator data dir, and the listening socket
 * it owns, read from /proc. CLIs then reach it with FAUXQS_PORT, as they would a fixed port.
 */
export function embeddedAwsPort(dataDir: string): number {
  const marker = `FAUXQS_DATA_DIR=${path.join(dataDir, "fauxqs")}`;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    let environ: string;
    try {
      environ = readFileSync(`/proc/${pid}/environ`, "utf8");
    } catch {
      continue; // gone, or another user's
    }
    if (!environ.split("\0").includes(marker)) continue;
    const port = listeningPortOf(pid);
    if (port) return port;
  }
  throw new Error(`No S3/SQS emulator is running for ${dataDir}`);
}

function listeningPortOf(pid: string): number | undefined {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match) inodes.add(match[1]!);
    } catch {
      // closed meanwhile
    }
  }
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local address, state 0A = LISTEN, inode
      if (fields[3] === "0A" && inodes.has(fields[9] ?? ""))
        return parseInt(fields[1]!.split(":")[1]!, 16);
    }
  }
  return undefined;
}
