import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { Db } from "@/lib/platform/db/client";
import type { MembershipRole } from "@/lib/platform/db/generated/prisma/enums";
import { AppError } from "@/lib/platform/errors/app-error";
import { MIN_PASSWORD_LENGTH } from "./create-auth";

export class WeakPasswordError extends AppError {
  override name = "WeakPasswordError";
  constructor() {
    const message = `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`;
    super("invalid_request", message, { fields: { password: [message] } });
  }
}

export type CreateAdminInput = {
  email: string;
  name?: string;
  password: string;
  churchSlug: string;
  churchName?: string;
  role: MembershipRole;
};

/**
 * Bootstraps an admin: the user (with a password sign-in account better-auth accepts), the
 * church if it does not exist yet, and the membership. Re-running updates role and password.
 * A listener's account made an admin is signed out everywhere first (see below).
 */
export async function createAdmin(db: Db, input: CreateAdminInput) {
  if (input.password.length < MIN_PASSWORD_LENGTH) throw new WeakPasswordError();
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const existingChurch = await tx.church.findUnique({ where: { slug: input.churchSlug } });
    const church =
      existingChurch ??
      (await tx.church.create({
        data: { slug: input.churchSlug, name: input.churchName ?? titleFromSlug(input.churchSlug) },
      }));
    const existingUser = await tx.user.findUnique({ where: { email } });
    const user =
      existingUser ??
      (await tx.user.create({
        data: {
          id: randomUUID(),
          email,
          name: input.name ?? email.split("@")[0]!,
          emailVerified: true,
        },
      }));
    // Anyone may sign up as a listener, so an account with this email may be someone else's
    // who registered it first. Made an admin for the first time, it keeps none of the sessions
    // it had: only whoever knows the password set here signs in as the admin.
    if (existingUser && (await tx.membership.count({ where: { userId: existingUser.id } })) === 0)
      await tx.session.deleteMany({ where: { userId: existingUser.id } });
    const account = await tx.account.findFirst({
      where: { userId: user.id, providerId: "credential" },
    });
    if (account)
      await tx.account.update({ where: { id: account.id }, data: { password: passwordHash } });
    else
      await tx.account.create({
        data: {
          id: randomUUID(),
          accountId: user.id,
          providerId: "credential",
          userId: user.id,
          password: passwordHash,
        },
      });
    await tx.membership.upsert({
      where: { userId_churchId: { userId: user.id, churchId: church.id } },
      create: { userId: user.id, churchId: church.id, role: input.role },
      update: { role: input.role },
    });
    return {
      userId: user.id,
      churchId: church.id,
      churchSlug: church.slug,
      isNewUser: !existingUser,
      isNewChurch: !existingChurch,
    };
  });
}

const titleFromSlug = (slug: string) =>
  slug
    .split("-")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ");
