// GET/POST /api/auth/* — better-auth's endpoints (sign-in, sign-out, session).
import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/platform/auth/auth";
import { withBodyLimit } from "@/lib/platform/http/with-body-limit";

// Sign-in and sign-out bodies are an email and a password: nothing near this.
const AUTH_MAX_BODY_BYTES = 16 * 1024;

export const GET = (request: Request) => toNextJsHandler(getAuth()).GET(request);
export const POST = withBodyLimit((request: Request) => toNextJsHandler(getAuth()).POST(request), {
  maxBytes: AUTH_MAX_BODY_BYTES,
});
