import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** The methods Next routes to a route handler's named exports. */
export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type RouteHandlerExport = {
  key: string;
  file: string;
  method: HttpMethod;
  handler: unknown;
};
export type ServerActionExport = { key: string; file: string; name: string; action: unknown };

/** The admin's attack surface, read from the filesystem so new files cannot slip past a table. */
export const ADMIN_ROUTE_DIRS = ["app/api/admin"];
export const ADMIN_ACTION_DIRS = ["app/admin", "components/admin"];
/** The operator pages' surface (test/operator/operator-guard.test.ts covers it). */
export const OPERATOR_ACTION_DIRS = ["app/operator", "components/operator"];

export const routeKey = (method: string, file: string) => `${method} ${file}`;
export const actionKey = (file: string, name: string) => `${file}#${name}`;

function filesUnder(root: string, dir: string): string[] {
  const entries = readdirSync(path.join(root, dir), { withFileTypes: true });
  return entries.flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(root, relative) : [relative];
  });
}

const importFile = (root: string, file: string) =>
  import(pathToFileURL(path.join(root, file)).href) as Promise<Record<string, unknown>>;

/** Every HTTP method exported by a `route.ts` under app/api/admin, with the exported function. */
export async function adminRouteHandlers(root = process.cwd()): Promise<RouteHandlerExport[]> {
  const files = ADMIN_ROUTE_DIRS.flatMap((dir) => filesUnder(root, dir)).filter((file) =>
    /\/route\.(ts|tsx|js|mjs)$/.test(file),
  );
  const found: RouteHandlerExport[] = [];
  for (const file of files.sort()) {
    const module = await importFile(root, file);
    for (const method of HTTP_METHODS) {
      if (typeof module[method] === "function")
        found.push({ key: routeKey(method, file), file, method, handler: module[method] });
    }
  }
  return found;
}

// A "use server" directive opening the module, after any comments.
const MODULE_DIRECTIVE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/;
const ANY_DIRECTIVE = /["']use server["']/;

/**
 * Every exported function of a "use server" module under the admin folders (Next gives each one
 * an action id, reachable by POST whether or not a form uses it), plus the files that declare
 * inline actions, which a table keyed by export cannot see.
 */
export async function adminServerActions(
  root = process.cwd(),
  dirs: readonly string[] = ADMIN_ACTION_DIRS,
): Promise<{ actions: ServerActionExport[]; inlineActionFiles: string[] }> {
  const files = dirs
    .flatMap((dir) => filesUnder(root, dir))
    .filter((file) => /\.(ts|tsx|js|mjs)$/.test(file) && !/\.test\.tsx?$/.test(file));
  const actions: ServerActionExport[] = [];
  const inlineActionFiles: string[] = [];
  for (const file of files.sort()) {
    const source = readFileSync(path.join(root, file), "utf8");
    if (!ANY_DIRECTIVE.test(source)) continue;
    if (!MODULE_DIRECTIVE.test(source) || source.replace(MODULE_DIRECTIVE, "").match(ANY_DIRECTIVE))
      inlineActionFiles.push(file);
    if (!MODULE_DIRECTIVE.test(source)) continue;
    const module = await importFile(root, file);
    for (const [name, value] of Object.entries(module)) {
      if (typeof value === "function")
        actions.push({ key: actionKey(file, name), file, name, action: value });
    }
  }
  return { actions, inlineActionFiles };
}
