// The external programs a bench:*/eval:* command spawns, checked before it starts: a missing one
// ends the command with one line that names it and how to install it, not a stack trace deep in
// a run. The lookup walks PATH itself (as execvp does), so it needs no shell.
import { constants } from "node:fs";
import { access, stat } from "node:fs/promises";
import path from "node:path";

/** Exit code of a command that lacks a tool it needs. */
export const MISSING_TOOL_EXIT_CODE = 1;

/** Installs every Debian package the tests and the benchmarks use. */
const ENSURE_DEPS = "bash scripts/ensure-deps.sh --test";

interface KnownTool {
  /** Debian packages that provide it. */
  packages: string[];
  /** A file or folder to look for instead of a program on PATH. */
  path?: string;
}

/** What the benchmarks spawn, and where Debian has it. Other names are looked up on PATH. */
export const KNOWN_TOOLS: Readonly<Record<string, KnownTool>> = {
  ffmpeg: { packages: ["ffmpeg"] },
  ffprobe: { packages: ["ffmpeg"] },
  "espeak-ng": { packages: ["espeak-ng"] },
  sox: { packages: ["sox"] },
  pocketsphinx_continuous: { packages: ["pocketsphinx", "pocketsphinx-en-us"] },
  // pocketsphinx_continuous's default acoustic model and dictionary.
  "pocketsphinx-en-us": {
    packages: ["pocketsphinx-en-us"],
    path: "/usr/share/pocketsphinx/model/en-us",
  },
  bash: { packages: ["bash"] },
  mkfifo: { packages: ["coreutils"] },
  seq: { packages: ["coreutils"] },
  chromium: { packages: ["chromium"] },
};

/** The executable file `command` runs from `searchPath` (PATH by default), if there is one. */
export async function findOnPath(
  command: string,
  searchPath = process.env.PATH ?? "",
): Promise<string | undefined> {
  const candidates = command.includes("/")
    ? [command]
    : searchPath
        .split(path.delimiter)
        .filter(Boolean)
        .map((dir) => path.join(dir, command));
  for (const candidate of candidates) {
    if (await isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

async function isExecutableFile(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** The tools in `tools` that this machine lacks, in the order given, each once. */
export async function missingTools(
  tools: readonly string[],
  searchPath = process.env.PATH ?? "",
): Promise<string[]> {
  const unique = [...new Set(tools)];
  const found = await Promise.all(
    unique.map(async (tool) => {
      const known = KNOWN_TOOLS[tool]?.path;
      return known ? exists(known) : (await findOnPath(tool, searchPath)) !== undefined;
    }),
  );
  return unique.filter((_, i) => !found[i]);
}

/** One line: what `command` needs and how to install it. */
export function missingToolsMessage(command: string, missing: readonly string[]): string {
  const packages = [...new Set(missing.flatMap((tool) => KNOWN_TOOLS[tool]?.packages ?? [tool]))];
  return `${command} needs ${missing.join(", ")}: run \`${ENSURE_DEPS}\` or \`apt-get install ${packages.join(" ")}\``;
}

/**
 * Ends the process with one line on stderr and exit code 1 when any of `tools` is missing;
 * returns when all are there. `command` names the caller in that line, e.g. "bench:asr".
 */
export async function requireTools(command: string, tools: readonly string[]): Promise<void> {
  const missing = await missingTools(tools);
  if (missing.length === 0) return;
  console.error(missingToolsMessage(command, missing));
  process.exit(MISSING_TOOL_EXIT_CODE);
}
