import { execFile } from "node:child_process";
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  findOnPath,
  KNOWN_TOOLS,
  MISSING_TOOL_EXIT_CODE,
  missingTools,
  missingToolsMessage,
} from "./require-tools";

const MADE_UP = "selah-no-such-tool-3f9a";
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "selah-require-tools-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A folder holding `node` (this very Node) and do-nothing stand-ins for `tools`. */
async function binFolder(name: string, tools: string[]): Promise<string> {
  const bin = path.join(dir, name);
  await mkdir(bin, { recursive: true });
  await symlink(process.execPath, path.join(bin, "node"));
  for (const tool of tools) {
    await writeFile(path.join(bin, tool), "#!/bin/sh\nexit 0\n");
    await chmod(path.join(bin, tool), 0o755);
  }
  return bin;
}

describe("findOnPath", () => {
  it("finds a program that is on PATH, where the first PATH entry has it", async () => {
    const nodeDir = path.dirname(process.execPath);
    const node = path.basename(process.execPath);
    expect(await findOnPath(node, ["/nonexistent-dir", nodeDir].join(path.delimiter))).toBe(
      path.join(nodeDir, node),
    );
    expect(await findOnPath("sh")).toMatch(/\/sh$/);
  });

  it("does not find a made-up name, a file that is not executable, or a folder", async () => {
    const bin = path.join(dir, "plain");
    await mkdir(path.join(bin, "a-folder"), { recursive: true });
    await writeFile(path.join(bin, "not-executable"), "#!/bin/sh\n");
    await chmod(path.join(bin, "not-executable"), 0o644);
    expect(await findOnPath(MADE_UP)).toBeUndefined();
    expect(await findOnPath("not-executable", bin)).toBeUndefined();
    expect(await findOnPath("a-folder", bin)).toBeUndefined();
    expect(await findOnPath("sh", "")).toBeUndefined();
  });

  it("checks a name with a slash as a path", async () => {
    expect(await findOnPath(process.execPath, "")).toBe(process.execPath);
    expect(await findOnPath(`/nonexistent-dir/${MADE_UP}`)).toBeUndefined();
  });
});

describe("missingTools and its message", () => {
  it("reports a made-up tool and not one that exists, each once, in order", async () => {
    expect(await missingTools(["sh", MADE_UP, "sh", MADE_UP])).toEqual([MADE_UP]);
    expect(await missingTools(["sh"])).toEqual([]);
  });

  it("names the missing tools and the Debian packages that bring them, on one line", () => {
    expect(missingToolsMessage("bench:asr", ["pocketsphinx_continuous"])).toBe(
      "bench:asr needs pocketsphinx_continuous: run `bash scripts/ensure-deps.sh --test` or `apt-get install pocketsphinx pocketsphinx-en-us`",
    );
    expect(missingToolsMessage("bench:transcode", ["ffmpeg", "ffprobe", "sox"])).toBe(
      "bench:transcode needs ffmpeg, ffprobe, sox: run `bash scripts/ensure-deps.sh --test` or `apt-get install ffmpeg sox`",
    );
    expect(missingToolsMessage("bench:x", [MADE_UP])).toBe(
      `bench:x needs ${MADE_UP}: run \`bash scripts/ensure-deps.sh --test\` or \`apt-get install ${MADE_UP}\``,
    );
  });
});

describe("the install hint", () => {
  it("names only packages that ensure-deps.sh --test installs, or that every Debian has", async () => {
    const script = await readFile("scripts/ensure-deps.sh", "utf8");
    const installed = new Set([...script.matchAll(/packages\+=\(([\w.-]+)\)/g)].map((m) => m[1]));
    const essential = new Set(["bash", "coreutils"]);
    for (const { packages } of Object.values(KNOWN_TOOLS)) {
      for (const name of packages) if (!essential.has(name)) expect(installed).toContain(name);
    }
  });
});

/** Runs a bench as `npm run` would, but with PATH set to `bin` alone. */
function runBench(
  file: string,
  bin: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ["--import", "tsx", file],
      // A check that wrongly passed would start an hour-long bench: the timeout ends that.
      { env: { ...process.env, PATH: bin }, timeout: 90_000, killSignal: "SIGKILL" },
      (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

describe("a bench on a machine without ffmpeg", () => {
  it.each([
    {
      bench: "bench:asr",
      file: "bench/asr.ts",
      present: ["espeak-ng", "pocketsphinx_continuous", "bash", "seq"],
      missing: ["ffmpeg", "ffprobe"],
      // The model is a folder Debian installs, not a program: whatever this machine has.
      maybeMissing: ["pocketsphinx-en-us"],
    },
    {
      bench: "bench:transcode",
      file: "bench/transcode.ts",
      present: ["bash", "mkfifo", "espeak-ng", "sox"],
      missing: ["ffmpeg", "ffprobe"],
      maybeMissing: [],
    },
    {
      bench: "bench:pipeline",
      file: "bench/pipeline.ts",
      present: ["mkfifo", "espeak-ng", "sox"],
      missing: ["ffmpeg", "ffprobe"],
      maybeMissing: [],
    },
  ])(
    "$bench says so in one line and exits before doing anything",
    async ({ bench, file, present, missing, maybeMissing }) => {
      const bin = await binFolder(bench.replace(":", "-"), present);
      const expected = [...missing, ...(await missingTools(maybeMissing))];
      const { code, stdout, stderr } = await runBench(file, bin);
      expect(stderr).toBe(`${missingToolsMessage(bench, expected)}\n`);
      expect(stdout).toBe("");
      expect(code).toBe(MISSING_TOOL_EXIT_CODE);
    },
  );
});
