/** A member's role in a church (editor < admin < owner), for code above lib/platform/db. */
export type { MembershipRole } from "@/lib/platform/db/generated/prisma/enums";
