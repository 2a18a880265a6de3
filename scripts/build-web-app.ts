// `next build` when the sources changed since the last one (what `npm start` would do on its
// way up). npm test runs it beside typecheck and lint, which each use one core, so the e2e
// stage's app is ready when its turn comes.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { needsBuild } from "./launcher/needs-build";

const root = path.resolve(import.meta.dirname, "..");
if (!needsBuild(root)) {
  console.log("The web app's build is up to date.");
} else {
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const result = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  process.exitCode = result.status ?? 1;
}
