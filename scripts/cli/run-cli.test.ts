import { execFile } from "node:child_process";
import { describe, expect, it } from "vitest";

/** Runs the fixture CLI in a child process, as `npm run` would run a script. */
function run(
  mode: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { DEBUG: _debug, ...inherited } = process.env;
  return new Promise((resolve) => {
    const child = execFile(
      "npx",
      ["tsx", "scripts/cli/run-cli-fixture.ts", mode],
      { env: { ...inherited, ...env }, timeout: 60_000 },
      (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

describe("runCli", () => {
  it("leaves a successful run alone, its own exit code included", async () => {
    expect(await run("ok")).toEqual({ code: 0, stdout: "done\n", stderr: "" });
    expect((await run("exit-code")).code).toBe(3);
  });

  it("exits 2 on bad input, printing the message and the usage", async () => {
    const { code, stdout, stderr } = await run("bad-input");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe("error: --limit expects a whole number\n\nUsage: run-cli-fixture <mode>\n");
  });

  it("exits 2 when parseArgs refuses an option", async () => {
    const { code, stderr } = await run("unknown-option");
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: Unknown option '--bogus'/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 1 on any other failure with one line and no stack", async () => {
    expect(await run("not-found")).toEqual({
      code: 1,
      stdout: "",
      stderr: "error: No message m-1 in the dead-letter queue.\n",
    });
    const { code, stderr } = await run("unknown");
    expect(code).toBe(1);
    expect(stderr).toBe("error: connect ECONNREFUSED 127.0.0.1:5432\n");
  });

  it("adds the stack and the cause when DEBUG is set", async () => {
    const { code, stderr } = await run("unknown", { DEBUG: "1" });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: connect ECONNREFUSED 127\.0\.0\.1:5432\n/);
    expect(stderr).toMatch(/\n\s+at /);
    expect(stderr).toContain("the socket closed");
  });
});
