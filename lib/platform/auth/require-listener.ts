import { AppError } from "@/lib/platform/errors/app-error";
import { getAuth } from "./auth";

/** Whoever is signed in, as a listener: anyone with an account, admins included. */
export interface Listener {
  id: string;
  name: string;
  email: string;
}

/** The signed-in listener of a request (its better-auth session cookie), or null. */
export async function currentListener(headers: Headers): Promise<Listener | null> {
  const session = await getAuth().api.getSession({ headers });
  return session
    ? { id: session.user.id, name: session.user.name, email: session.user.email }
    : null;
}

/** The signed-in listener, or AppError `unauthenticated` (401). */
export async function requireListener(headers: Headers): Promise<Listener> {
  const listener = await currentListener(headers);
  if (!listener) throw new AppError("unauthenticated", "Sign in first.");
  return listener;
}
