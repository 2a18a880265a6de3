import { mailEnvSchema, mailSettings } from "@/lib/platform/config/mail-env";
import { type Env, parseEnv } from "@/lib/platform/config/parse-env";
import { createMailer, type Mailer } from "./mailer";

const globalForMail = globalThis as unknown as { selahMailer?: Mailer };

/** The process's mailer, from SMTP_* / MAIL_FROM (validated at start-up with the rest). */
export function configuredMailer(env: Env = process.env): Mailer {
  globalForMail.selahMailer ??= createMailer(mailSettings(parseEnv(mailEnvSchema, env)));
  return globalForMail.selahMailer;
}
