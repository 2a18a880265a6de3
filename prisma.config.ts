import { defineConfig } from "prisma/config";

// Only `prisma generate` runs from this config (see lib/platform/db/migrate.ts); the URL is a
// placeholder because generating the client needs no database.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://unused@localhost/unused" },
});
