// Process entry: the embedded database (PGlite over the Postgres wire protocol).
import path from "node:path";
import { startEmbeddedDatabase } from "@/lib/platform/embedded/start-embedded-database";
import { exitWithParent } from "./exit-with-parent";

const dataDir = path.resolve(process.env.PGLITE_DIR ?? ".data/pglite");
const database = await startEmbeddedDatabase({
  dataDir,
  port: Number(process.env.PGLITE_PORT ?? 5433),
});
exitWithParent(() => database.stop());
console.log(
  `database ready on port ${database.port} (data in ${dataDir}, ${database.cacheMb} MB page cache)`,
);
