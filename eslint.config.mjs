import js from "@eslint/js";
import tseslint from "typescript-eslint";

// Import directions of docs/architecture §7, as one rule per layer. Each `regex` matches both
// the `@/` alias and relative paths that climb into another top-level folder.
const layer = (...folders) => `^(@/|(\\.\\./)+)(${folders.join("|")})(/|$)`;
const restrict = (files, patterns) => ({
  files,
  rules: { "no-restricted-imports": ["error", { patterns }] },
});

export default tseslint.config(
  {
    ignores: ["node_modules/", ".next/", ".data/", "lib/platform/db/generated/", "next-env.d.ts", "test-results/", "playwright-report/"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-throw-literal": "error",
    },
  },
  restrict(
    ["lib/**"],
    [
      { regex: layer("app", "components", "worker", "engine", "scripts"), message: "lib/ is the bottom layer: it never imports app/, components/, worker/, engine/ or scripts/." },
      { regex: layer("inngest/functions", "inngest/index", "inngest/client"), message: "lib/ may import only the event contracts (inngest/events), never Inngest functions or the client." },
    ],
  ),
  restrict(
    ["components/**"],
    [
      { regex: layer("app", "worker", "engine", "scripts", "inngest"), message: "components/ are UI pieces: no app routes, workers, engine or Inngest." },
      { regex: layer("lib/db", "lib/generated", "lib/storage", "lib/queue"), message: "components/ have no data access; pages pass data in." },
    ],
  ),
  restrict(
    ["app/**"],
    [
      { regex: layer("worker", "engine", "scripts", "inngest/functions"), message: "app/ uses lib/, components/ and the Inngest client and event contracts only." },
    ],
  ),
  restrict(
    ["inngest/**"],
    [{ regex: layer("app", "components", "worker", "engine", "scripts"), message: "inngest/ builds on lib/ only." }],
  ),
  restrict(
    ["worker/**"],
    [
      { regex: "^(next|server-only)(/|$)", message: "The worker is a plain Node process: no next/* or server-only modules." },
      { regex: layer("app", "components", "engine", "scripts", "inngest/functions", "inngest/index"), message: "worker/ uses lib/ and the event contracts only." },
    ],
  ),
  restrict(
    ["engine/**"],
    [
      { regex: "^@/", message: "engine/ stands alone and talks to the app over HTTP only." },
      { regex: "^(\\.\\./)+(app|components|lib|inngest|worker|scripts|prisma)(/|$)", message: "engine/ stands alone and talks to the app over HTTP only." },
      { regex: "^(next|server-only)(/|$)", message: "engine/ stands alone: no Next.js." },
    ],
  ),
);
