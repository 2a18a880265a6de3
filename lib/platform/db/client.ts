import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/platform/db/generated/prisma/client";
import { readDatabaseUrl } from "@/lib/platform/config/database-url";

export type Db = PrismaClient;

export function createDb(connectionString: string, poolSize = 5): Db {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: poolSize }),
    // The embedded database runs one transaction at a time, so a transaction may first wait for
    // others; Prisma's 2 s / 5 s defaults turn that queueing into P2028 errors under load.
    transactionOptions: { maxWait: 15_000, timeout: 20_000 },
  });
}

// One client per process: Next's dev server re-evaluates modules, and every extra pool
// holds connections the embedded database must serve one at a time.
const globalForDb = globalThis as unknown as { selahDb?: Db };

export function getDb(): Db {
  globalForDb.selahDb ??= createDb(readDatabaseUrl());
  return globalForDb.selahDb;
}
