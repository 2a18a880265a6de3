import { execFileSync } from "node:child_process";

/** Creates (or updates) an admin in the e2e run's database through the real CLI. */
export function createAdmin(options: {
  email: string;
  password: string;
  church: string;
  churchName?: string;
  role?: string;
}) {
  const args = [
    "--import",
    "tsx",
    "scripts/admin-create.ts",
    "--email",
    options.email,
    "--password",
    options.password,
    "--church",
    options.church,
    "--role",
    options.role ?? "owner",
  ];
  if (options.churchName) args.push("--church-name", options.churchName);
  execFileSync(process.execPath, args, { env: process.env, stdio: "pipe" });
}

/** Creates (or updates) an installation operator, of no church, through the same CLI. */
export function createOperator(options: { email: string; password: string }) {
  execFileSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/admin-create.ts",
      "--operator",
      "--email",
      options.email,
      "--password",
      options.password,
    ],
    { env: process.env, stdio: "pipe" },
  );
}
