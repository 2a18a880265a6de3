// npm run db:migrate — applies prisma/migrations and sizes the embedding column.
import { parseEnv } from "@/lib/platform/config/parse-env";
import { embeddingEnvSchema } from "@/lib/platform/config/server-env";
import { migrate } from "@/lib/platform/db/migrate";
import { ensureVectorColumn } from "@/lib/platform/db/vector-column";
import { runCli } from "./cli/run-cli";
import { withDatabase } from "./cli/with-database";

// A bad EMBEDDING_DIMENSIONS or a failed migration (MigrationError names it) exits 1.
await runCli(async () => {
  const { EMBEDDING_DIMENSIONS } = parseEnv(embeddingEnvSchema, process.env);
  await withDatabase(async (url) => {
    const { applied, alreadyApplied } = await migrate(url);
    console.log(
      applied.length
        ? `Applied: ${applied.join(", ")}`
        : `Up to date (${alreadyApplied} migrations applied before).`,
    );
    const resized = await ensureVectorColumn(url, EMBEDDING_DIMENSIONS);
    if (resized)
      console.log(
        `Embedding column sized to ${resized.to} dimensions (was ${resized.from ?? "unsized"}).`,
      );
  });
});
