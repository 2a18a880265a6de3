import type { Db } from "@/lib/platform/db/client";
import type { MembershipRole } from "@/lib/platform/db/generated/prisma/enums";
import { AppError } from "@/lib/platform/errors/app-error";

const RANK: Record<MembershipRole, number> = { editor: 1, admin: 2, owner: 3 };

export const hasRole = (role: MembershipRole, atLeast: MembershipRole): boolean =>
  RANK[role] >= RANK[atLeast];

/** Not a member: answered as "not found" so another church's existence is not revealed. */
export class ChurchNotFoundError extends AppError {
  override name = "ChurchNotFoundError";
  constructor() {
    super("church_not_found", "No such church, or you are not a member of it.");
  }
}

export class RoleRequiredError extends AppError {
  override name = "RoleRequiredError";
  constructor(readonly required: MembershipRole) {
    super("role_required", `This needs the ${required} role in this church.`);
  }
}

export type ChurchAccess = {
  church: { id: string; slug: string; name: string };
  role: MembershipRole;
};

/** The one check behind every admin page, action and route: membership and role in this church. */
export async function authorizeChurch(
  db: Db,
  userId: string,
  churchSlug: string,
  atLeast: MembershipRole,
): Promise<ChurchAccess> {
  const membership = await db.membership.findFirst({
    where: { userId, church: { slug: churchSlug } },
    select: { role: true, church: { select: { id: true, slug: true, name: true } } },
  });
  if (!membership) throw new ChurchNotFoundError();
  if (!hasRole(membership.role, atLeast)) throw new RoleRequiredError(atLeast);
  return membership;
}
