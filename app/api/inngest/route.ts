// GET/POST/PUT /api/inngest — the Inngest SDK endpoint (sync, introspection, step calls).
import { NextRequest } from "next/server";
import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/index";
import { withBodyLimit } from "@/lib/platform/http/with-body-limit";

const handlers = serve({ client: inngest, functions });

// The SDK reads a call's whole body before checking its signature, so bound it first: a run's
// state (32 MB at most, Inngest's and the embedded engine's limit) plus its event (3 MB).
const INNGEST_MAX_BODY_BYTES = 40 * 1024 * 1024;

const limited = (handler: typeof handlers.POST) =>
  withBodyLimit((request: Request, res?: unknown) => handler(new NextRequest(request), res), {
    maxBytes: INNGEST_MAX_BODY_BYTES,
  });

export const GET = handlers.GET;
export const POST = limited(handlers.POST);
export const PUT = limited(handlers.PUT);
