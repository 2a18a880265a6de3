import type { Db } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors/app-error";

/**
 * Not an operator: answered as "not found", so the operator pages are invisible to everyone
 * else, church owners included (a church role grants nothing here, and this grants no church).
 */
export class OperatorRequiredError extends AppError {
  override name = "OperatorRequiredError";
  constructor() {
    super("not_found", "This page could not be found.");
  }
}

/** The one check behind every operator page, action and route: the account's operator flag. */
export async function authorizeOperator(db: Db, userId: string): Promise<{ userId: string }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { isOperator: true } });
  if (!user?.isOperator) throw new OperatorRequiredError();
  return { userId };
}
