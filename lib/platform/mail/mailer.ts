import { createHash } from "node:crypto";
import { mkdir, link, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type { MailSettings } from "@/lib/platform/config/mail-env";

export type MailMessage = {
  /** Stable for one notification (an event id): names the mailbox file and the Message-ID. */
  id: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
};

export type MailOutcome =
  | { sentBy: "smtp"; messageId: string }
  | { sentBy: "mailbox"; file: string; alreadyThere: boolean };

export type Mailer = {
  /** Where messages go, without secrets: "SMTP server smtp.example.org:587", "the mailbox folder …". */
  description: string;
  send(message: MailMessage): Promise<MailOutcome>;
};

/**
 * Sends through the configured SMTP server, or — without one — writes each message as an .eml
 * file into the mailbox folder (nodemailer's stream transport builds the same MIME message SMTP
 * would carry). A message's file is named by its id and written once: sending the same id again
 * leaves the first file and reports it.
 */
export function createMailer(settings: MailSettings): Mailer {
  if (settings.kind === "smtp") {
    const transport = nodemailer.createTransport(settings.smtp);
    return {
      description: settings.description,
      async send(message) {
        const info = await transport.sendMail(envelopeOf(settings.from, message));
        return { sentBy: "smtp", messageId: String(info.messageId) };
      },
    };
  }
  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: "unix",
  });
  return {
    description: settings.description,
    async send(message) {
      const info = await transport.sendMail(envelopeOf(settings.from, message));
      const file = mailboxFileName(message.id);
      const target = path.join(settings.dir, file);
      await mkdir(settings.dir, { recursive: true });
      // Written whole beside it, then linked into place: never a half-written message, and a
      // link to a name that exists fails, so the first message of an id stays the only one.
      const partial = path.join(settings.dir, `.${file}.${process.pid}.${Date.now()}.partial`);
      await writeFile(partial, info.message as Buffer, { mode: 0o600 });
      try {
        await link(partial, target);
        return { sentBy: "mailbox", file, alreadyThere: false };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST")
          return { sentBy: "mailbox", file, alreadyThere: true };
        throw error;
      } finally {
        await unlink(partial).catch(() => undefined);
      }
    },
  };
}

/** `sermon-indexed:ab12:v1` → `sermon-indexed_ab12_v1.eml`: the id, readable, safe as a file name. */
export const mailboxFileName = (id: string) => `${id.replace(/[^\w.-]/g, "_").slice(0, 180)}.eml`;

function envelopeOf(from: string, message: MailMessage) {
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    // The same notification keeps its Message-ID, so a mail system can tell a repeat.
    messageId: `<${createHash("sha256").update(message.id).digest("hex").slice(0, 32)}@selah.notifications>`,
  };
}
