import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cruise, type ICruiseResult } from "dependency-cruiser";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";
import { describe, expect, it } from "vitest";

// No import cycles anywhere in the codebase. dependency-cruiser builds the module graph and
// marks every import that lies on a cycle; this file only turns its answer into one line per
// distinct cycle.
//
// Type-only imports count (`tsPreCompilationDeps: true`): TypeScript erases them, so a type
// cycle never breaks module loading, but it is still two modules that cannot be understood,
// moved or split without each other — the tangle this test is about. Dynamic `import()`s
// count for the same reason.

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const FIXTURE = "test/fixtures/import-cycle";

/** Everything the project writes (its own packages and tools), as roots of the graph. */
const CODEBASE = [
  "app",
  "components",
  "lib",
  "inngest",
  "worker",
  "scripts",
  "bench",
  "eval",
  "engine",
  "test",
  "e2e",
  "next.config.ts",
  "playwright.config.ts",
  "prisma.config.ts",
  "vitest.config.ts",
];

/**
 * The tsconfig's `paths` (the `@/*` alias) as resolver aliases. dependency-cruiser's own
 * `tsConfig` option resolves them with tsconfig-paths, which, with no `baseUrl`, adds a
 * catch-all `*` mapping at the project root: the npm package `inngest` would then resolve to
 * the app's own inngest/index.ts and invent cycles. Aliases read from the same tsconfig do
 * what TypeScript does.
 */
function tsconfigAliases(): Record<string, string> {
  const { options } = extractTSConfig(path.join(ROOT, "tsconfig.json"));
  const base = (options["pathsBasePath"] as string | undefined) ?? ROOT;
  const aliases: Record<string, string> = {};
  for (const [pattern, targets] of Object.entries(
    (options["paths"] ?? {}) as Record<string, string[]>,
  )) {
    const target = targets[0];
    if (!pattern.endsWith("/*") || !target?.endsWith("/*")) continue;
    aliases[pattern.slice(0, -2)] = path.resolve(base, target.slice(0, -2));
  }
  return aliases;
}

async function cruiseGraph(roots: string[], exclude: string[] = []): Promise<ICruiseResult> {
  const { output } = await cruise(
    roots.filter((root) => existsSync(path.join(ROOT, root))),
    {
      baseDir: ROOT,
      tsPreCompilationDeps: true,
      doNotFollow: { path: "(^|/)node_modules/" },
      exclude: { path: ["(^|/)node_modules/", "^lib/platform/db/generated/", ...exclude] },
    },
    { alias: tsconfigAliases() },
  );
  return output as ICruiseResult;
}

/** Each distinct import cycle under `roots`, as "a.ts → b.ts → a.ts" (type-only hops marked). */
async function findImportCycles(roots: string[], exclude: string[] = []): Promise<string[]> {
  const result = await cruiseGraph(roots, exclude);
  const cycles = new Map<string, string>();
  for (const module of result.modules) {
    for (const dependency of module.dependencies) {
      if (!dependency.circular || !dependency.cycle) continue;
      // dependency.cycle runs from the imported module back to this one.
      const hops = [module.source, ...dependency.cycle.map((step) => step.name)];
      const typeOnly = dependency.cycle.map((step) => step.dependencyTypes.includes("type-only"));
      const nodes = hops.slice(0, -1);
      // One spelling per cycle: start at its alphabetically first module.
      const start = nodes.indexOf([...nodes].sort()[0]!);
      const order = [...nodes.keys()].map((index) => (index + start) % nodes.length);
      const key = order.map((index) => nodes[index]).join(" ");
      const text =
        order.map((index) => `${nodes[index]} →${typeOnly[index] ? " (type)" : ""} `).join("") +
        nodes[start];
      cycles.set(key, text);
    }
  }
  return [...cycles.values()].sort();
}

/**
 * Groups of lib/ folders (`lib/<tier>/<folder>`, or the tier itself for files at its top) that
 * import each other, production code only: two folders that need each other are one concern
 * under two names, even when no single file cycle runs between them.
 */
async function findFolderCycles(): Promise<string[][]> {
  const folderOf = (file: string) => /^(lib\/[^/]+(?:\/[^/]+(?=\/))?)/.exec(file)?.[1];
  const edges = new Map<string, Set<string>>();
  for (const module of (await cruiseGraph(["lib"], ["\\.test\\.ts$"])).modules) {
    const from = folderOf(module.source);
    if (!from) continue;
    for (const dependency of module.dependencies) {
      const to = folderOf(dependency.resolved);
      if (to && to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
  }
  // Tarjan's strongly connected components; any with more than one folder is a cycle.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const groups: string[][] = [];
  const visit = (folder: string) => {
    index.set(folder, index.size);
    low.set(folder, index.get(folder)!);
    stack.push(folder);
    for (const next of edges.get(folder) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(folder, Math.min(low.get(folder)!, low.get(next)!));
      } else if (stack.includes(next)) {
        low.set(folder, Math.min(low.get(folder)!, index.get(next)!));
      }
    }
    if (low.get(folder) === index.get(folder)) {
      const group: string[] = [];
      for (let member = stack.pop(); ; member = stack.pop()) {
        group.push(member!);
        if (member === folder) break;
      }
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const folder of edges.keys()) if (!index.has(folder)) visit(folder);
  return groups;
}

describe("import cycles", () => {
  it("the detector finds the cycles in test/fixtures/import-cycle (alias, relative and type-only imports)", async () => {
    expect(await findImportCycles([FIXTURE])).toEqual([
      `${FIXTURE}/a.ts → ${FIXTURE}/b.ts → ${FIXTURE}/a.ts`,
      `${FIXTURE}/type-x.ts → (type) ${FIXTURE}/type-y.ts → (type) ${FIXTURE}/type-x.ts`,
    ]);
  });

  it("there is none in app, components, lib, inngest, worker, scripts, bench, eval, engine or tests", async () => {
    const cycles = await findImportCycles(CODEBASE, [`^${FIXTURE}/`]);
    expect(cycles, `${cycles.length} import cycle(s):\n${cycles.join("\n")}\n`).toEqual([]);
  });

  it("no two folders of lib/ import each other", async () => {
    const groups = await findFolderCycles();
    expect(groups, groups.map((group) => group.join(" ⇄ ")).join("\n")).toEqual([]);
  });
});
