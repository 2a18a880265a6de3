import { getDb } from "@/lib/platform/db/client";
import { authorizeChurch, type ChurchAccess } from "./church-access";
import type { MembershipRole } from "./membership-role";

/**
 * For admin pages, actions and route handlers: the signed-in user's membership and role in
 * the church named by the URL (or the action's argument), on this process's database.
 * Throws what `authorizeChurch` throws: not a member (answered as not found), role too low.
 */
export const getChurchAccess = (
  userId: string,
  churchSlug: string,
  atLeast: MembershipRole,
): Promise<ChurchAccess> => authorizeChurch(getDb(), userId, churchSlug, atLeast);
