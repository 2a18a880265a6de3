import { spawn } from "node:child_process";
import net from "node:net";
import { describe, expect, it } from "vitest";
import type { Env } from "@/lib/platform/config/parse-env";
import { claimPort } from "@/scripts/launcher/ports";

function runLauncher(env: Env): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/selah.ts", "start"], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe("launcher start-up", () => {
  it("stops with the variable's name when the environment is invalid", async () => {
    const { code, output } = await runLauncher({
      PGLITE_PORT: "not-a-port",
      SQS_MAX_RECEIVE_COUNT: "0",
    });
    expect(code).not.toBe(0);
    expect(output).toContain('PGLITE_PORT: expected a port number (got "not-a-port")');
    expect(output).toContain("SQS_MAX_RECEIVE_COUNT: expected 1 to 1000");
  });

  it("names the service and the variable when its port is taken", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "0.0.0.0", resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      await expect(claimPort(port, "embedded database", "PGLITE_PORT")).rejects.toThrow(
        `Port ${port} for the embedded database is already in use. Stop whatever holds it, or set PGLITE_PORT`,
      );
      expect(await claimPort(0, "web app", "PORT")).toBeGreaterThan(0);
    } finally {
      blocker.close();
    }
  });
});
