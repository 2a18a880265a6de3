import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { simpleParser, type AddressObject } from "mailparser";
import { mailboxDir, mailEnvSchema, mailSettings } from "@/lib/platform/config/mail-env";
import { type Env, parseEnv } from "@/lib/platform/config/parse-env";
import { AppError } from "@/lib/platform/errors/app-error";

export type MailboxEntry = {
  name: string;
  subject: string;
  to: string;
  from: string;
  date: Date;
};

export type MailboxMessage = MailboxEntry & { text: string };

const NAME = /^[\w.-]{1,200}\.eml$/;

/** The mailbox folder's messages, newest first (none when the folder does not exist yet). */
export async function listMailbox(dir: string, limit = 100): Promise<MailboxEntry[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => NAME.test(name) && !name.startsWith("."));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const dated = await Promise.all(
    names.map(async (name) => ({ name, mtime: (await stat(path.join(dir, name))).mtimeMs })),
  );
  const newest = dated.sort((a, b) => b.mtime - a.mtime).slice(0, limit);
  return Promise.all(newest.map(async ({ name }) => summary(name, await readMessage(dir, name))));
}

/** One message of the mailbox, by file name; any other name is not found. */
export async function readMailboxMessage(dir: string, name: string): Promise<MailboxMessage> {
  if (!NAME.test(name) || name.startsWith(".")) throw notFound();
  const parsed = await readMessage(dir, name);
  return { ...summary(name, parsed), text: parsed.text ?? "" };
}

const notFound = () => AppError.notFound("There is no such message in the mailbox.");

async function readMessage(dir: string, name: string) {
  let source: Buffer;
  try {
    source = await readFile(path.join(dir, name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw notFound();
    throw error;
  }
  return simpleParser(source);
}

type Parsed = Awaited<ReturnType<typeof simpleParser>>;

function summary(name: string, parsed: Parsed): MailboxEntry {
  const addresses = (value: AddressObject | AddressObject[] | undefined) =>
    (Array.isArray(value) ? value : value ? [value] : []).map((address) => address.text).join(", ");
  return {
    name,
    subject: parsed.subject ?? "(no subject)",
    to: addresses(parsed.to),
    from: addresses(parsed.from),
    date: parsed.date ?? new Date(0),
  };
}

/** Where this process's notifications go, and its mailbox folder, for the operator's page. */
export function mailDelivery(env: Env = process.env) {
  const settings = mailSettings(parseEnv(mailEnvSchema, env));
  return {
    kind: settings.kind,
    description: settings.description,
    mailboxDir: mailboxDir(parseEnv(mailEnvSchema, env)),
  };
}
