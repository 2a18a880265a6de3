import { hashPassword } from "better-auth/crypto";
import type { Db } from "@/lib/platform/db/client";
import type { MembershipRole } from "@/lib/platform/db/generated/prisma/enums";
import { AppError } from "@/lib/platform/errors/app-error";
import { MIN_PASSWORD_LENGTH } from "./create-auth";
import { upsertPasswordUser } from "./password-user";

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
 * A listener's account made an admin is signed out everywhere first (upsertPasswordUser).
 */
export async function createAdmin(db: Db, input: CreateAdminInput) {
  const { email, passwordHash } = await credentialsOf(input);
  return db.$transaction(async (tx) => {
    const existingChurch = await tx.church.findUnique({ where: { slug: input.churchSlug } });
    const church =
      existingChurch ??
      (await tx.church.create({
        data: { slug: input.churchSlug, name: input.churchName ?? titleFromSlug(input.churchSlug) },
      }));
    const { user, isNewUser } = await upsertPasswordUser(tx, {
      email,
      name: input.name,
      passwordHash,
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
      isNewUser,
      isNewChurch: !existingChurch,
    };
  });
}

/**
 * Makes the account an installation operator (the /operator pages), creating it if new.
 * Grants no church: an operator is a church's admin only through a membership of its own.
 */
export async function createOperator(
  db: Db,
  input: { email: string; name?: string; password: string },
) {
  const { email, passwordHash } = await credentialsOf(input);
  return db.$transaction(async (tx) => {
    const { user, isNewUser } = await upsertPasswordUser(tx, {
      email,
      name: input.name,
      passwordHash,
    });
    await tx.user.update({ where: { id: user.id }, data: { isOperator: true } });
    return { userId: user.id, isNewUser };
  });
}

async function credentialsOf(input: { email: string; password: string }) {
  if (input.password.length < MIN_PASSWORD_LENGTH) throw new WeakPasswordError();
  return {
    email: input.email.trim().toLowerCase(),
    passwordHash: await hashPassword(input.password),
  };
}

const titleFromSlug = (slug: string) =>
  slug
    .split("-")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ");
