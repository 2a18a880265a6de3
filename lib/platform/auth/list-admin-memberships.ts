import { getDb } from "@/lib/platform/db/client";
import type { MembershipRole } from "./membership-role";

export interface AdminMembership {
  role: MembershipRole;
  church: { slug: string; name: string };
}

/** The churches this user is a member of, by name: the admin's start page. */
export const listAdminMemberships = (userId: string): Promise<AdminMembership[]> =>
  getDb().membership.findMany({
    where: { userId },
    select: { role: true, church: { select: { slug: true, name: true } } },
    orderBy: { church: { name: "asc" } },
  });
