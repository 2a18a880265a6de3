import { spawn } from "node:child_process";
import { getPriority } from "node:os";
import { expect, it } from "vitest";
import { BACKGROUND_NICENESS, runInBackground } from "./background-priority";

it("lowers a running child's priority, and ignores one that has ended", async () => {
  const child = spawn("sleep", ["5"]);
  try {
    runInBackground(child.pid);
    expect(getPriority(child.pid!)).toBe(BACKGROUND_NICENESS);
  } finally {
    child.kill();
  }
  await new Promise((resolve) => child.once("exit", resolve));
  expect(() => runInBackground(child.pid)).not.toThrow();
  expect(() => runInBackground(undefined)).not.toThrow();
});
