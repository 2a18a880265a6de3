import js from "@eslint/js";
import tseslint from "typescript-eslint";

// Import directions of docs/architecture §7, as one rule per layer. Each `regex` matches both
// the `@/` alias and relative paths that climb into another top-level folder.
const layer = (...folders) => `^(@/|(\\.\\./)+)(${folders.join("|")})(/|$)`;
const libTiers = ["pipeline", "search", "catalog", "platform"];
const restrict = (files, patterns) => ({
  files,
  rules: { "no-restricted-imports": ["error", { patterns }] },
});

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      ".next/",
      ".data/",
      "lib/platform/db/generated/",
      "next-env.d.ts",
      "test-results/",
      "playwright-report/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "no-throw-literal": "error",
    },
  },
  // lib/ in tiers, each importing only those below it: pipeline → search → catalog → platform.
  // One object per tier, since a later object's no-restricted-imports replaces an earlier one's.
  ...libTiers.flatMap((tier, index) => {
    const above = libTiers.slice(0, index);
    const message = `lib/${tier} may import only the tiers below it (${libTiers.slice(index + 1).join(", ") || "none"}); see lib/README.md.`;
    // Both `@/lib/search/…` and a relative climb such as `../../search/…`.
    const below = above.length
      ? [
          { regex: layer(...above.map((name) => `lib/${name}`)), message },
          { regex: `^(\\.\\./)+(${above.join("|")})(/|$)`, message },
        ]
      : [];
    const files = [`lib/${tier}/**`];
    return [
      {
        ...restrict(files, [
          {
            regex: layer(
              "app",
              "components",
              "worker",
              "engine",
              "scripts",
              "inngest",
              "test",
              "bench",
              "eval",
              "e2e",
            ),
            message:
              "lib/ is the bottom layer: it never imports app/, components/, inngest/, worker/, engine/, scripts/ or test code.",
          },
          ...below,
        ]),
        ignores: ["**/*.test.ts"],
      },
      // A test beside the code may use the shared test helpers under test/ and eval/.
      restrict(
        [`lib/${tier}/**/*.test.ts`],
        [
          {
            regex: layer("app", "components", "worker", "engine", "scripts", "inngest"),
            message: "lib/ tests exercise lib/ (and test helpers), not the layers above it.",
          },
          ...below,
        ],
      ),
    ];
  }),
  restrict(
    ["components/**"],
    [
      {
        regex: layer("app", "worker", "engine", "scripts", "inngest"),
        message: "components/ are UI pieces: no app routes, workers, engine or Inngest.",
      },
      {
        regex: layer("lib/platform/db", "lib/platform/storage", "lib/platform/queue"),
        message: "components/ have no data access; pages pass data in.",
      },
    ],
  ),
  restrict(
    ["app/**"],
    [
      {
        regex: layer("worker", "engine", "scripts", "inngest/functions"),
        message: "app/ uses lib/, components/ and the Inngest client (to serve functions) only.",
      },
      // One data-access convention: the database client and Prisma's generated types stay in lib/.
      {
        regex: layer("lib/platform/db"),
        message:
          "app/ never uses the database client: call a named function of lib/catalog, lib/search or lib/pipeline (or lib/platform/auth) that reads or writes what the page, route or action needs; see lib/README.md.",
      },
    ],
  ),
  restrict(
    ["inngest/**"],
    [
      {
        regex: layer("app", "components", "worker", "engine", "scripts"),
        message: "inngest/ builds on lib/ only.",
      },
    ],
  ),
  restrict(
    ["worker/**"],
    [
      {
        regex: "^(next|server-only)(/|$)",
        message: "The worker is a plain Node process: no next/* or server-only modules.",
      },
      {
        regex: layer("app", "components", "engine", "scripts", "inngest"),
        message: "worker/ uses lib/ only (the event contracts live in lib/pipeline/events).",
      },
    ],
  ),
  restrict(
    ["engine/**"],
    [
      { regex: "^@/", message: "engine/ stands alone and talks to the app over HTTP only." },
      {
        regex: "^(\\.\\./)+(app|components|lib|inngest|worker|scripts|prisma)(/|$)",
        message: "engine/ stands alone and talks to the app over HTTP only.",
      },
      { regex: "^(next|server-only)(/|$)", message: "engine/ stands alone: no Next.js." },
    ],
  ),
);
