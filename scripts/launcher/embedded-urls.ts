import path from "node:path";
import type { LauncherEnv } from "./launcher-env";

export const databaseDir = (env: LauncherEnv) => path.join(env.dataDir, "pglite");
export const awsDir = (env: LauncherEnv) => path.join(env.dataDir, "fauxqs");
export const engineDir = (env: LauncherEnv) => path.join(env.dataDir, "engine");
export const databaseUrlFor = (port: number) =>
  `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
