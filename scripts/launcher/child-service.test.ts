import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ChildService, formatDuration } from "./child-service";
import type { RestartPolicy } from "./restart-policy";

// Tiny real child processes (node -e) with a fast policy: the same code paths as the launcher's
// services, in milliseconds instead of seconds.
const policy: RestartPolicy = {
  initialDelayMs: 50,
  maxDelayMs: 200,
  stableAfterMs: 3000,
  maxCrashes: 4,
  crashWindowMs: 30_000,
};
const RUNS_FOREVER = "setInterval(() => {}, 1000)";

const services: ChildService[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.stop(2000)));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function supervised(name: string, script: string, args: string[] = []) {
  const lines: string[] = [];
  const givenUp: string[] = [];
  const service = new ChildService(name, process.execPath, ["-e", script, ...args], process.env, {
    policy,
    log: (line) => lines.push(line),
    onGiveUp: (it) => givenUp.push(it.name),
  });
  services.push(service);
  service.start();
  return { service, lines, givenUp };
}

const isAlive = (pid: number | undefined) => {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const alive = (service: ChildService) => async () => {
  if (!isAlive(service.pid)) throw new Error("not running");
};

async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("a supervised child process", () => {
  it("is restarted after a SIGKILL and reported back, while another keeps running", async () => {
    const { service: victim, lines } = supervised("victim", RUNS_FOREVER);
    const { service: bystander, lines: bystanderLines } = supervised("bystander", RUNS_FOREVER);
    await victim.waitUntilReady(alive(victim), 5000);
    await bystander.waitUntilReady(alive(bystander), 5000);
    const [firstPid, bystanderPid] = [victim.pid!, bystander.pid!];

    process.kill(firstPid, "SIGKILL");
    await waitFor(() => lines.some((line) => line.includes("is back")), "the restart");
    expect(lines[0]).toMatch(
      new RegExp(
        `^The victim \\(pid ${firstPid}\\) was killed by SIGKILL after running [\\d.]+ (ms|s); restarting it in 50 ms \\(crash 1 of 4 allowed within 30 s\\)\\.$`,
      ),
    );
    expect(lines[1]).toBe(`The victim is back (pid ${victim.pid}, restart 1).`);
    expect(victim.pid).not.toBe(firstPid);
    expect(isAlive(victim.pid)).toBe(true);
    expect(victim.state).toBe("running");
    expect(bystander.pid).toBe(bystanderPid);
    expect(isAlive(bystanderPid)).toBe(true);
    expect(bystanderLines).toEqual([]);
  });

  it("backs off 50, 100, 200 ms between crashes and gives up on the fourth within the window", async () => {
    const { service, lines, givenUp } = supervised(
      "crasher",
      "setTimeout(() => process.exit(3), 100)",
    );
    await service.waitUntilReady(alive(service), 5000);
    await waitFor(() => givenUp.length > 0, "giving up");
    expect(
      lines
        .filter((line) => line.includes("restarting it in"))
        .map((line) => line.match(/in (\d+ ms)/)?.[1]),
    ).toEqual(["50 ms", "100 ms", "200 ms"]);
    const crashes = lines.filter((line) => line.startsWith("The crasher (pid"));
    expect(crashes).toHaveLength(4);
    expect(crashes.every((line) => line.includes("exited with code 3"))).toBe(true);
    expect(lines.at(-1)).toMatch(
      /exited with code 3 after running .*: 4 crashes within 30 s; not restarting it again\.$/,
    );
    expect(givenUp).toEqual(["crasher"]);
    expect(service.state).toBe("given up");
    expect(service.restarts).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(service.restarts).toBe(3); // no further attempt
  });

  it("starts the backoff over after a stable run", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "selah-child-"));
    dirs.push(dir);
    // Runs 1 and 2 crash at once; run 3 lasts longer than stableAfterMs, then crashes.
    const script = `
      const fs = require("node:fs");
      const file = process.argv[1];
      const run = Number(fs.existsSync(file) ? fs.readFileSync(file, "utf8") : 0) + 1;
      fs.writeFileSync(file, String(run));
      setTimeout(() => process.exit(1), run === 3 ? 3500 : run >= 4 ? 60_000 : 100);`;
    const { service, lines } = supervised("flaky", script, [path.join(dir, "runs")]);
    await service.waitUntilReady(alive(service), 5000);
    const runs = path.join(dir, "runs");
    await waitFor(
      () => existsSync(runs) && readFileSync(runs, "utf8") === "4",
      "the fourth run",
      15_000,
    );
    expect(
      lines
        .filter((line) => line.includes("restarting it in"))
        .map((line) => line.match(/in (\d+ ms)/)?.[1]),
    ).toEqual(["50 ms", "100 ms", "50 ms"]);
  });

  it("stays stopped when stopped while waiting to restart, and a stop is no crash", async () => {
    const { service, lines } = supervised("slow", RUNS_FOREVER);
    await service.waitUntilReady(alive(service), 5000);
    const { service: other, lines: otherLines } = supervised("other", RUNS_FOREVER);
    await other.waitUntilReady(alive(other), 5000);

    // Force a long wait before the restart: the next delay after one crash is 50 ms, so stop at once.
    const pid = service.pid!;
    process.kill(pid, "SIGKILL");
    await waitFor(() => service.state === "waiting to restart", "the crash to be seen");
    await service.stop();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(service.pid).toBe(pid);
    expect(service.restarts).toBe(0);
    expect(service.state).toBe("stopped");
    expect(lines).toHaveLength(1);

    const otherPid = other.pid!;
    await other.stop();
    expect(isAlive(otherPid)).toBe(false);
    expect(otherLines).toEqual([]);
  });

  it("kills what a crashed process left behind in its process group", async () => {
    const script = `
      const { spawn } = require("node:child_process");
      const sleeper = spawn("sleep", ["30"], { stdio: "ignore" });
      console.log("sleeper " + sleeper.pid);
      setInterval(() => {}, 1000);`;
    const { service, lines } = supervised("parent", script);
    const sleeperPid = await new Promise<number>((resolve) => {
      const original = process.stdout.write.bind(process.stdout);
      // The service's output is prefixed and written to the launcher's stdout.
      process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
        const match = /\[parent\] sleeper (\d+)/.exec(String(chunk));
        if (match) {
          process.stdout.write = original;
          resolve(Number(match[1]));
        }
        return original(chunk, ...rest);
      }) as typeof process.stdout.write;
    });
    await service.waitUntilReady(alive(service), 5000);
    expect(isAlive(sleeperPid)).toBe(true);
    process.kill(service.pid!, "SIGKILL");
    await waitFor(() => lines.some((line) => line.includes("is back")), "the restart");
    await waitFor(() => !isAlive(sleeperPid), "the orphaned sleep to be killed", 3000);
  });
});

describe("formatDuration", () => {
  it("reads like a person wrote it", () => {
    expect(
      [450, 500, 1500, 12_345, 60_000, 125_000, 3_600_000, 5_580_000].map(formatDuration),
    ).toEqual(["450 ms", "500 ms", "1.5 s", "12 s", "1 min", "2 min 5 s", "1 h", "1 h 33 min"]);
  });
});
