import { z } from "zod";

export const authEnvSchema = z.object({
  BETTER_AUTH_SECRET: z
    .string()
    .min(32, "expected a random secret of at least 32 characters (e.g. openssl rand -hex 32)"),
  /** The public origin people sign in on; needed behind a proxy, inferred from requests otherwise. */
  BETTER_AUTH_URL: z
    .url({ message: "expected the app's public URL, e.g. https://sermons.example.org" })
    .optional(),
});
