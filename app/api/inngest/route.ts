// GET/POST/PUT /api/inngest — the Inngest SDK endpoint (sync, introspection, step calls).
import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/index";

export const { GET, POST, PUT } = serve({ client: inngest, functions });
