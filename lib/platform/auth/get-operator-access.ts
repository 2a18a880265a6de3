import { getDb } from "@/lib/platform/db/client";
import { authorizeOperator } from "./operator-access";

/** For operator pages and actions: `authorizeOperator` on this process's database. */
export const getOperatorAccess = (userId: string) => authorizeOperator(getDb(), userId);

/** Whether to show the way to the operator pages (the admin's start page). */
export async function isOperator(userId: string): Promise<boolean> {
  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: { isOperator: true },
  });
  return user?.isOperator === true;
}
