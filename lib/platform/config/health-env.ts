import { z } from "zod";

/** What /api/health checks beyond the services the app itself uses. */
export const healthEnvSchema = z.object({
  /** The event worker's /health (`npm start` sets it); unset, /api/health leaves the worker out. */
  WORKER_HEALTH_URL: z
    .url({ protocol: /^https?$/, message: "expected the worker's /health URL (http or https)" })
    .optional(),
});
