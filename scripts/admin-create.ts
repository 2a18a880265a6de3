// npm run admin:create -- --email pastor@example.org --church grace-chapel [--role owner]
//   [--name "Ruth Okafor"] [--church-name "Grace Chapel"] [--password …]
// npm run admin:create -- --operator --email ops@example.org [--church …]: an installation
//   operator (the /operator pages); with --church also that church's admin, otherwise of none.
// Without --password (or SELAH_ADMIN_PASSWORD) a strong one is generated and shown once.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createAdmin, createOperator } from "@/lib/platform/auth/create-admin";
import { createDb } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors/app-error";
import { runCli } from "./cli/run-cli";
import { withDatabase } from "./cli/with-database";

const USAGE = `Usage: npm run admin:create -- --email <email> --church <slug> [--role owner|admin|editor] [--name <name>] [--church-name <name>] [--password <password>]
       npm run admin:create -- --operator --email <email> [--church <slug> …] [--name <name>] [--password <password>]`;

const argsSchema = z
  .object({
    email: z.email({ message: "--email: expected an email address" }),
    operator: z.boolean().default(false),
    church: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "--church: expected a church slug like grace-chapel")
      .optional(),
    role: z
      .enum(["owner", "admin", "editor"], { message: "--role: expected owner, admin or editor" })
      .default("owner"),
    name: z.string().min(1).optional(),
    "church-name": z.string().min(1).optional(),
    password: z.string().optional(),
  })
  .refine((args) => args.operator || args.church, {
    message: "--church: name the church by its slug (or pass --operator for an operator)",
  });

await runCli(
  async () => {
    const { values } = parseArgs({
      options: {
        email: { type: "string" },
        church: { type: "string" },
        operator: { type: "boolean" },
        role: { type: "string" },
        name: { type: "string" },
        "church-name": { type: "string" },
        password: { type: "string" },
      },
    });
    const parsed = argsSchema.safeParse(values);
    if (!parsed.success)
      throw AppError.invalidInput(parsed.error.issues.map((issue) => issue.message).join("\n"));
    const args = parsed.data;
    const givenPassword = args.password ?? process.env.SELAH_ADMIN_PASSWORD;
    const password = givenPassword ?? randomBytes(12).toString("base64url");

    // A password that is too short is a WeakPasswordError: bad input, exit 2.
    await withDatabase(async (url) => {
      const db = createDb(url, 1);
      try {
        if (args.church) {
          const result = await createAdmin(db, {
            email: args.email,
            name: args.name,
            password,
            churchSlug: args.church,
            churchName: args["church-name"],
            role: args.role,
          });
          console.log(
            `${result.isNewUser ? "Created" : "Updated"} ${args.email} as ${args.role} of ${result.churchSlug}${result.isNewChurch ? " (new church)" : ""}.`,
          );
        }
        if (args.operator) {
          const result = await createOperator(db, { email: args.email, name: args.name, password });
          console.log(
            `${result.isNewUser ? "Created" : "Updated"} ${args.email} as an operator (the /operator pages).`,
          );
        }
        if (!givenPassword) console.log(`Password (shown once): ${password}`);
        console.log(`Sign in at /admin/sign-in${args.church ? "" : "?next=/operator"}`);
      } finally {
        await db.$disconnect();
      }
    });
  },
  { usage: USAGE },
);
