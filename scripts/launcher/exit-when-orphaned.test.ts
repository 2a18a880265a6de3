import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";

const preload = path.resolve("scripts/launcher/exit-when-orphaned.mjs");
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it("stops a service with SIGTERM once the launcher that started it is gone", async () => {
  dir = mkdtempSync(path.join(tmpdir(), "selah-orphan-"));
  const marker = path.join(dir, "stopped-cleanly");
  // The service: preloaded like the launcher's, writes the marker in its own SIGTERM handler.
  const service = `
    process.on("SIGTERM", () => { require("node:fs").writeFileSync(${JSON.stringify(marker)}, "yes"); process.exit(0); });
    setInterval(() => {}, 1000);`;
  // The "launcher": starts it detached, prints its pid and dies.
  const launcher = `
    const { spawn } = require("node:child_process");
    const child = spawn(process.execPath, ["--import", ${JSON.stringify(preload)}, "-e", ${JSON.stringify(service)}], { detached: true, stdio: "ignore" });
    console.log(child.pid);
    setTimeout(() => process.exit(0), 500);`;
  const parent = spawn(process.execPath, ["-e", launcher], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  parent.stdout.on("data", (chunk) => (output += chunk));
  await new Promise((resolve) => parent.once("exit", resolve));
  const pid = Number(output.trim());
  expect(pid).toBeGreaterThan(0);
  const deadline = Date.now() + 10_000;
  while (!existsSync(marker)) {
    if (Date.now() > deadline) {
      process.kill(pid, "SIGKILL");
      throw new Error("the orphaned service is still running");
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
});
