import path from "node:path";
import { z } from "zod";

// "Selah <sermons@example.org>" or a bare address.
const ADDRESS = /^(?:[^<>]*<\s*[^\s@<>]+@[^\s@<>]+\s*>|[^\s@<>]+@[^\s@<>]+)$/;

/**
 * Where notification emails go: an SMTP server (`SMTP_URL`, or `SMTP_HOST` with its port and
 * login), or — with neither, as on the embedded default — the mailbox folder under
 * SELAH_DATA_DIR, where each message is an .eml file the operator pages show.
 */
export const mailEnvSchema = z
  .object({
    SMTP_URL: z
      .url({
        protocol: /^smtps?$/,
        message: "expected smtp://user:password@host:587 or smtps://user:password@host:465",
      })
      .optional(),
    SMTP_HOST: z
      .string()
      .regex(/^[\w.-]+$/, "expected the SMTP server's host name, e.g. smtp.example.org")
      .optional(),
    SMTP_PORT: z.coerce
      .number({ message: "expected a port number" })
      .int("expected a port number")
      .min(1, "expected 1 to 65535")
      .max(65535, "expected 1 to 65535")
      .optional(),
    SMTP_SECURE: z
      .stringbool({ error: "expected true (TLS from the start, port 465) or false" })
      .optional(),
    SMTP_USER: z.string().min(1).optional(),
    SMTP_PASSWORD: z.string().min(1).optional(),
    MAIL_FROM: z
      .string()
      .trim()
      .regex(ADDRESS, 'expected an address such as "Selah <sermons@example.org>"')
      .optional(),
    SELAH_DATA_DIR: z.string().min(1).default(".data"),
  })
  .superRefine((env, ctx) => {
    const problem = (name: keyof typeof env, message: string) =>
      ctx.addIssue({ code: "custom", path: [name], message });
    if (env.SMTP_URL && env.SMTP_HOST)
      problem(
        "SMTP_HOST",
        "set SMTP_URL or SMTP_HOST (with SMTP_PORT, SMTP_USER, SMTP_PASSWORD), not both",
      );
    if (!env.SMTP_HOST)
      for (const name of ["SMTP_PORT", "SMTP_SECURE", "SMTP_USER", "SMTP_PASSWORD"] as const)
        if (env[name] !== undefined) problem(name, "only means something with SMTP_HOST");
    if (env.SMTP_HOST && Boolean(env.SMTP_USER) !== Boolean(env.SMTP_PASSWORD))
      problem(
        env.SMTP_USER ? "SMTP_PASSWORD" : "SMTP_USER",
        "SMTP_USER and SMTP_PASSWORD go together",
      );
    if ((env.SMTP_URL || env.SMTP_HOST) && !env.MAIL_FROM)
      problem(
        "MAIL_FROM",
        'is required with an SMTP server: the sender, e.g. "Selah <sermons@example.org>"',
      );
  });

export type MailEnv = z.output<typeof mailEnvSchema>;

export type MailSettings =
  | {
      kind: "smtp";
      from: string;
      /** nodemailer's SMTP options: a URL, or host, port and login. */
      smtp:
        | string
        | { host: string; port?: number; secure?: boolean; auth?: { user: string; pass: string } };
      /** For messages: where it sends, without the login. */
      description: string;
    }
  | { kind: "mailbox"; from: string; dir: string; description: string };

/** The embedded default's sender: nothing leaves the machine, so any address serves. */
const MAILBOX_FROM = "Selah <selah@localhost>";

export function mailSettings(env: MailEnv): MailSettings {
  if (env.SMTP_URL) {
    const url = new URL(env.SMTP_URL);
    return {
      kind: "smtp",
      from: env.MAIL_FROM!,
      smtp: env.SMTP_URL,
      description: `SMTP server ${url.hostname}${url.port ? `:${url.port}` : ""}`,
    };
  }
  if (env.SMTP_HOST)
    return {
      kind: "smtp",
      from: env.MAIL_FROM!,
      smtp: {
        host: env.SMTP_HOST,
        ...(env.SMTP_PORT ? { port: env.SMTP_PORT } : {}),
        ...(env.SMTP_SECURE !== undefined ? { secure: env.SMTP_SECURE } : {}),
        ...(env.SMTP_USER && env.SMTP_PASSWORD
          ? { auth: { user: env.SMTP_USER, pass: env.SMTP_PASSWORD } }
          : {}),
      },
      description: `SMTP server ${env.SMTP_HOST}${env.SMTP_PORT ? `:${env.SMTP_PORT}` : ""}`,
    };
  const dir = mailboxDir(env);
  return {
    kind: "mailbox",
    from: env.MAIL_FROM ?? MAILBOX_FROM,
    dir,
    description: `the mailbox folder ${dir}`,
  };
}

/** The mailbox folder: `mailbox/` in SELAH_DATA_DIR. */
export const mailboxDir = (env: Pick<MailEnv, "SELAH_DATA_DIR">) =>
  path.resolve(env.SELAH_DATA_DIR, "mailbox");
