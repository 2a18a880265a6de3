#!/usr/bin/env bash
# Prints the SQL that takes prisma/schema.prisma from FROM_REF (default HEAD) to the working
# copy, for a new migration in prisma/migrations/<timestamp>_<name>/migration.sql.
# Prisma 7's CLI cannot diff without a downloadable schema engine; Prisma 6.19's can, with its
# WASM engine, so it is installed (once) in .data/tools/prisma6 and used for diffs only.
# Review the output: pgvector's extension, HNSW/GIN indexes and generated columns are hand-written.
set -euo pipefail
cd "$(dirname "$0")/.."
FROM_REF="${FROM_REF:-HEAD}"
tools=.data/tools/prisma6
if [ ! -x "$tools/node_modules/.bin/prisma" ]; then
  mkdir -p "$tools"
  echo '{"name":"prisma6-diff","private":true,"type":"module"}' > "$tools/package.json"
  npm install --prefix "$tools" --no-audit --no-fund --silent \
    prisma@6.19.3 @prisma/client@6.19.3 pglite-prisma-adapter@0.6.1 \
    @electric-sql/pglite@0.5.14 @electric-sql/pglite-pgvector@0.0.15 >&2
fi
cat > "$tools/prisma.config.ts" <<'CONFIG'
import { defineConfig } from "prisma/config";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { PrismaPGlite } from "pglite-prisma-adapter";
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "to.prisma",
  adapter: async () => new PrismaPGlite(await PGlite.create("memory://", { extensions: { vector } })),
});
CONFIG
# Prisma 6 requires the datasource url that Prisma 7 forbids.
as_prisma6() { sed 's#datasource db {#datasource db {\n  url = "postgresql://unused"#; s#provider = "prisma-client"#provider = "prisma-client-js"#'; }
as_prisma6 < prisma/schema.prisma > "$tools/to.prisma"
from=(--from-empty)
if git cat-file -e "$FROM_REF:prisma/schema.prisma" 2>/dev/null; then
  git show "$FROM_REF:prisma/schema.prisma" | as_prisma6 > "$tools/from.prisma"
  from=(--from-schema-datamodel from.prisma)
fi
cd "$tools"
PRISMA_SCHEMA_ENGINE_BINARY=/bin/false PRISMA_QUERY_ENGINE_LIBRARY=/bin/false \
  npx prisma migrate diff "${from[@]}" --to-schema-datamodel to.prisma --script
