import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getAuth } from "@/lib/platform/auth/auth";
import { ChurchNotFoundError, type ChurchAccess } from "@/lib/platform/auth/church-access";
import { getChurchAccess } from "@/lib/platform/auth/get-church-access";
import type { MembershipRole } from "@/lib/platform/auth/membership-role";

export type AdminUser = { id: string; email: string; name: string };

export async function currentUser(): Promise<AdminUser | null> {
  const session = await getAuth().api.getSession({ headers: await headers() });
  return session
    ? { id: session.user.id, email: session.user.email, name: session.user.name }
    : null;
}

/** For admin pages: signed in and a member of this church, or away to sign-in / 404. */
export async function requireChurchPage(
  churchSlug: string,
  atLeast: MembershipRole = "editor",
): Promise<ChurchAccess & { user: AdminUser }> {
  const user = await currentUser();
  if (!user) redirect(`/admin/sign-in?next=${encodeURIComponent(`/admin/${churchSlug}`)}`);
  try {
    return { user, ...(await getChurchAccess(user.id, churchSlug, atLeast)) };
  } catch (error) {
    if (error instanceof ChurchNotFoundError) notFound();
    throw error;
  }
}
