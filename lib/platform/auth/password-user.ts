import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/platform/db/generated/prisma/client";

/**
 * The user with this email and a password sign-in account better-auth accepts, created or
 * given the new password; inside the caller's transaction, for a caller about to give it admin
 * or operator rights.
 */
export async function upsertPasswordUser(
  tx: Prisma.TransactionClient,
  input: { email: string; name?: string; passwordHash: string },
) {
  const existingUser = await tx.user.findUnique({ where: { email: input.email } });
  const user =
    existingUser ??
    (await tx.user.create({
      data: {
        id: randomUUID(),
        email: input.email,
        name: input.name ?? input.email.split("@")[0]!,
        emailVerified: true,
      },
    }));
  // Anyone may sign up as a listener, so an account with this email may be someone else's who
  // registered it first. Given its first rights, it keeps none of the sessions it had: only
  // whoever knows the password set here signs in with them.
  if (
    existingUser &&
    !existingUser.isOperator &&
    (await tx.membership.count({ where: { userId: existingUser.id } })) === 0
  )
    await tx.session.deleteMany({ where: { userId: existingUser.id } });
  const account = await tx.account.findFirst({
    where: { userId: user.id, providerId: "credential" },
  });
  if (account)
    await tx.account.update({ where: { id: account.id }, data: { password: input.passwordHash } });
  else
    await tx.account.create({
      data: {
        id: randomUUID(),
        accountId: user.id,
        providerId: "credential",
        userId: user.id,
        password: input.passwordHash,
      },
    });
  return { user, isNewUser: !existingUser };
}
