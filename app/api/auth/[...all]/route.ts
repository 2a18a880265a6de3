// GET/POST /api/auth/* — better-auth's endpoints (sign-in, sign-out, session).
import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/platform/auth/auth";

export const GET = (request: Request) => toNextJsHandler(getAuth()).GET(request);
export const POST = (request: Request) => toNextJsHandler(getAuth()).POST(request);
