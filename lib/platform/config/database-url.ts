import { z } from "zod";
import { type Env, parseEnv } from "@/lib/platform/config/parse-env";

export const databaseUrlSchema = z
  .string()
  .regex(/^postgres(ql)?:\/\//, "expected a postgres:// or postgresql:// connection URL");

export function readDatabaseUrl(env: Env = process.env): string {
  return parseEnv(z.object({ DATABASE_URL: databaseUrlSchema }), env).DATABASE_URL;
}
