import { isAPIError } from "better-auth/api";
import { AppError } from "@/lib/platform/errors/app-error";
import { getAuth } from "./auth";

export const WRONG_CREDENTIALS = "That email and password do not match an admin account.";

/**
 * Signs an admin in from a server action (the session cookie is set through Next's cookies).
 * It goes through the same endpoint, hooks and sign-in limiter as POST /api/auth/sign-in/email,
 * given the request's headers so the limiter sees the client's address. Refusals are
 * AppErrors: `rate_limited` (429) with the limiter's message, or `unauthenticated` (401).
 */
export async function signInWithPassword(input: {
  email: string;
  password: string;
  headers: Headers;
}): Promise<void> {
  try {
    await getAuth().api.signInEmail({
      body: { email: input.email, password: input.password },
      headers: input.headers,
    });
  } catch (error) {
    // isAPIError, not instanceof: the bundle may hold more than one copy of the class.
    if (!isAPIError(error)) throw error;
    if (error.statusCode === 429) {
      const seconds = Number(new Headers(error.headers).get("retry-after"));
      throw new AppError("rate_limited", error.message, {
        ...(seconds > 0 ? { retryAfterMs: seconds * 1000 } : {}),
      });
    }
    throw new AppError("unauthenticated", WRONG_CREDENTIALS, { cause: error });
  }
}
