import { execFile } from "node:child_process";
import { promisify } from "node:util";

const exec = promisify(execFile);

/** A named pipe only this user can open (Node has no mkfifo of its own). */
export async function makeFifo(path: string): Promise<void> {
  await exec("mkfifo", ["-m", "600", path]);
}
