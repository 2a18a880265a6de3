import { POST as authPost } from "@/app/api/auth/[...all]/route";

export const ORIGIN = "http://selah.test";

export type Session = { cookie: string };

const cookieOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");

async function postAuth(path: string, body: unknown, headers: Record<string, string> = {}) {
  return authPost(
    new Request(`${ORIGIN}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, ...headers },
      body: JSON.stringify(body),
    }),
  );
}

/** Signs a listener up through the real /api/auth/sign-up/email; the session it starts. */
export async function signUpListener(
  email: string,
  password: string,
  name = email.split("@")[0]!,
): Promise<Session> {
  const response = await postAuth("/sign-up/email", { name, email, password });
  if (response.status !== 200)
    throw new Error(`sign-up ${response.status}: ${await response.text()}`);
  return { cookie: cookieOf(response) };
}

/** A new session of an existing account (a listener's or an admin's) through the real /api/auth/sign-in/email. */
export async function signInAccount(email: string, password: string): Promise<Session> {
  const response = await postAuth("/sign-in/email", { email, password });
  if (response.status !== 200)
    throw new Error(`sign-in ${response.status}: ${await response.text()}`);
  return { cookie: cookieOf(response) };
}

/** POST /api/auth/delete-user as this session. */
export const deleteAccount = (session: Session, password: string) =>
  postAuth("/delete-user", { password }, { cookie: session.cookie });
